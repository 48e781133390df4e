package org.workstudy.checkin;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * A month of check-ins (the month of the check-in, Asia/Shanghai) for the statistics: attendances begun, completed
 * (checked out or made up), make-ups asked for and approved, work records written and refused by the counting rules,
 * the hours between check-in and check-out of the written records, and the attendances with each signal (an
 * attendance may carry several).
 */
public record CheckinMonth(YearMonth month, long checkIns, long completed, long makeUps, long makeUpsApproved,
        long recordsWritten, long refused, BigDecimal recordHours, long sharedDevice, long far, long byCode) {

    /** Attendances with at least one signal are counted once per signal: the sum of the three. */
    public long signals() {
        return sharedDevice + far + byCode;
    }
}
