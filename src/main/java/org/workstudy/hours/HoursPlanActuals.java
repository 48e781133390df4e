package org.workstudy.hours;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.workstudy.organization.Roster;
import org.workstudy.positions.PlanActuals;

/**
 * The hours actually worked for annual plans: hours counted by the ledger (confirmed, latest entries) dated within
 * the academic year, which runs from 1 September to 31 August as the placements' figure does.
 */
@Component
class HoursPlanActuals implements PlanActuals {

    private final HoursLedger ledger;
    private final Roster roster;

    HoursPlanActuals(HoursLedger ledger, Roster roster) {
        this.ledger = ledger;
        this.roster = roster;
    }

    /** Placements are the placements module's figure. */
    @Override
    public long placements(Long collegeId, String academicYear) {
        return 0;
    }

    @Override
    public BigDecimal hours(Long collegeId, String academicYear) {
        int start = Integer.parseInt(academicYear.substring(0, 4));
        return ledger.countedBetween(roster.studentIds(collegeId), LocalDate.of(start, 9, 1),
                LocalDate.of(start + 1, 9, 1));
    }
}
