package org.workstudy.web;

import java.util.Set;

import org.workstudy.identity.Role;

/**
 * An entry of the navigation. Modules declare theirs as beans; the layout shows those of the active role, in order.
 * Entries with a {@code groupKey} are shown together in a drop-down named by that key (the administration pages).
 */
public record MenuItem(String labelKey, String href, Set<Role> roles, int order, String groupKey) {

    /** The administrators' drop-down. */
    public static final String ADMINISTRATION = "nav.group.admin";

    /** The credits drop-down (quality credits, exemptions, recognition, graduation, policy), to keep the bar short. */
    public static final String CREDITS = "nav.group.credits";

    /** The on-site drop-down of staff and employers (check-in shifts and signals, pay sheets). */
    public static final String ONSITE = "nav.group.onsite";

    public MenuItem {
        roles = Set.copyOf(roles);
    }

    public MenuItem(String labelKey, String href, Set<Role> roles, int order) {
        this(labelKey, href, roles, order, null);
    }
}
