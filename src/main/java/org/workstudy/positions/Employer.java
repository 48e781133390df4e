package org.workstudy.positions;

import java.time.LocalDate;

/**
 * An employer (用人单位): an on-campus department or an off-campus organisation with its current tripartite agreement
 * (null fields when none is on file). {@code city}: the place's label; {@code divisionCode}: its administrative
 * division (null for a place written before codes that no division matched).
 */
public record Employer(long id, boolean onCampus, String name, String city, String address, String contactPerson,
        String phone, boolean active, Long agreementId, String agreementFileName, LocalDate agreementExpires,
        String divisionCode) {

    /** On-campus employers need no agreement; off-campus ones need one that has not expired on this day. */
    public boolean agreementValidOn(LocalDate day) {
        return onCampus || (agreementExpires != null && !agreementExpires.isBefore(day));
    }
}
