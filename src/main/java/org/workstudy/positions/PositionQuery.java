package org.workstudy.positions;

/** Filters of a position search; every null field means "any". {@code openNow} asks for the application window. */
public record PositionQuery(String text, BankKind bank, Long collegeId, PositionStatus status, Long employerId,
        TimeKind timeKind, Boolean onCampus, String city, Boolean openNow) {

    public static PositionQuery all() {
        return new PositionQuery(null, null, null, null, null, null, null, null, null);
    }
}
