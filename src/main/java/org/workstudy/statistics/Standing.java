package org.workstudy.statistics;

import java.math.BigDecimal;

import org.workstudy.credits.ExemptionKind;
import org.workstudy.credits.ExemptionStanding;
import org.workstudy.hours.HoursFigures;

/**
 * The definitions behind the figures, in one place; the page writes each out (messages {@code stats.def.*}).
 * <ul>
 * <li><b>completed</b> (完成): the course is done — credit recognised, or exempted (免修), or counted hours plus the
 * hours an offset (抵扣) covers reach the required hours;</li>
 * <li><b>on track</b> (按进度): completed, or counted hours plus offset hours at least the even-pace expectation of
 * the day (required × semesters passed / semesters of the window);</li>
 * <li><b>at risk</b> (预警): not completed, and behind the even pace or short by the projection over the rest of the
 * window ({@code hours/Projection}).</li>
 * </ul>
 */
record Standing(boolean completed, boolean onTrack, boolean atRisk) {

    static Standing of(BigDecimal required, BigDecimal counted, BigDecimal offsetHours, BigDecimal expected,
            boolean exempt, boolean recognised, boolean projectedShort) {
        BigDecimal covered = counted.add(offsetHours);
        boolean completed = recognised || exempt || covered.compareTo(required) >= 0;
        boolean behind = !completed && covered.compareTo(expected) < 0;
        return new Standing(completed, !behind, !completed && (behind || projectedShort));
    }

    /** A student's standing from their hours figures and credits (exemption or offset, recognition). */
    static Standing of(HoursFigures.StudentFigures f, ExemptionStanding ex, boolean recognised) {
        return of(f.requiredHours(), f.countedHours(), offsetHours(ex), f.expectedHours(), exempt(ex), recognised,
                f.projectedShort());
    }

    /** The hours an offset (抵扣) covers; zero without one. */
    static BigDecimal offsetHours(ExemptionStanding ex) {
        return ex != null && ex.kind() == ExemptionKind.OFFSET && ex.offsetHours() != null ? ex.offsetHours()
                : BigDecimal.ZERO;
    }

    /** Exempted (免修). */
    static boolean exempt(ExemptionStanding ex) {
        return ex != null && ex.kind() == ExemptionKind.EXEMPT;
    }
}
