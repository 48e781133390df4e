package org.workstudy.awards.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The lines of the award lists and the list itself. */
public final class AwardLines {

    private AwardLines() {
    }

    /** A student with the hours counted in the year, whether on track today, and the verdict. */
    public record StudentAward(long studentId, String studentNo, String name, String collegeName, String className,
            int cohort, BigDecimal yearHours, boolean onTrack, Verdict verdict) {
    }

    /** A class (and its league branch, 团支部) with its students, on track and in arrears, and the verdict. */
    public record ClassAward(long classId, String className, String collegeName, int cohort, long students,
            long onTrack, long inArrears, List<String> counselors, Verdict verdict) {
    }

    /** A counselor with the students of their classes (in the list's scope), confirmations, and the verdict. */
    public record CounselorAward(long accountId, String name, List<String> classNames, long students, long onTrack,
            long confirmations, long onTime, Verdict verdict) {
    }

    /**
     * One list for an academic year: the evaluation day (the year's last day, or today while the year runs), the
     * threshold version in force on it, the eligible and the just-below lines; {@code standingsOfDay}: the year has
     * ended and the standings (on track, in arrears) are those of its last day, not today's.
     */
    public record AwardList<T>(String academicYear, LocalDate evaluationDay, ThresholdVersion version,
            List<T> eligible, List<T> near, boolean standingsOfDay) {
    }
}
