package org.workstudy.hours;

import java.time.LocalDate;

import org.workstudy.placements.SelfArrangedView;

/** What the counting rules need to know of the work a record is for. */
sealed interface SourceFacts {

    /**
     * A placement: whether its position is an evening position, the position's work period, and the day the
     * placement ended (null while the student holds it), with the reason when its position was cancelled.
     */
    record Placement(boolean evening, LocalDate workFrom, LocalDate workTo, LocalDate endedOn,
            String cancellationReason) implements SourceFacts {

        Placement(boolean evening, LocalDate workFrom, LocalDate workTo, LocalDate endedOn) {
            this(evening, workFrom, workTo, endedOn, null);
        }
    }

    /** A self-arranged registration as the placements module sees it. */
    record SelfArranged(SelfArrangedView view) implements SourceFacts {
    }
}
