package org.workstudy.placements;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A self-arranged work registration as other modules (hours) see it.
 *
 * @param counselorApprovedOn the day the counselor approved it (Asia/Shanghai), or null
 * @param viceDeanApprovedOn the day the vice dean approved it (out-of-city work only), or null
 * @param certificateVerified whether the counselor accepted the employer's certificate
 */
public record SelfArrangedView(long id, long studentId, String employerName, String city, String address,
        boolean outOfCity, LocalDate startsOn, LocalDate endsOn, BigDecimal expectedHours, String content,
        SelfArrangedStatus status, LocalDate counselorApprovedOn, LocalDate viceDeanApprovedOn,
        boolean certificateVerified) {

    /**
     * Whether hours worked on this date count: the date lies within [startsOn, endsOn], the counselor approved on or
     * before the date, and for out-of-city work the vice dean approved before the start and the certificate is
     * verified. Withdrawn, returned and refused registrations never count.
     */
    public boolean countsOn(LocalDate date) {
        if (date == null || date.isBefore(startsOn) || date.isAfter(endsOn)) {
            return false;
        }
        if (status == SelfArrangedStatus.WITHDRAWN || status == SelfArrangedStatus.REFUSED
                || status == SelfArrangedStatus.RETURNED || status == SelfArrangedStatus.SUBMITTED) {
            return false;
        }
        if (counselorApprovedOn == null || counselorApprovedOn.isAfter(date)) {
            return false;
        }
        if (outOfCity) {
            return viceDeanApprovedOn != null && viceDeanApprovedOn.isBefore(startsOn) && certificateVerified;
        }
        return true;
    }
}
