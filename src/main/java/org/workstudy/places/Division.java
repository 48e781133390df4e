package org.workstudy.places;

/**
 * One administrative division: its six-digit code, name, level (1 province, 2 prefecture-level city, 3 county-level
 * division), the parent's code (null for a province), and its names from the province down ("福建省 厦门市 思明区").
 */
public record Division(String code, String name, int level, String parentCode, String fullName) {

    /** How places are shown in lists: the city and county without the province ("厦门市思明区", "北京市东城区"). */
    public String label() {
        String[] parts = fullName.split(" ");
        return parts.length >= 2 ? String.join("", java.util.Arrays.copyOfRange(parts, 1, parts.length))
                : fullName;
    }
}
