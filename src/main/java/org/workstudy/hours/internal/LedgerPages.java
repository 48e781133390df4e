package org.workstudy.hours.internal;

import java.util.List;
import java.util.Optional;

import org.workstudy.hours.ClassProgressRow;
import org.workstudy.hours.CountingSettings;
import org.workstudy.identity.CurrentUser;

/**
 * What hours' own pages, API and home cards read from the ledger besides {@code HoursLedger}: a student's progress
 * and outlook, the counselor's students behind, the sources to record for, and the scope checks forms run first.
 * No other module needs these, so they live here and not on the module's facade. Every method checks the user's role
 * and data scope; ids outside it answer "not found".
 */
public interface LedgerPages {

    /** The student's progress toward the required hours. */
    Progress progress(CurrentUser user, long studentId);

    /** The student's progress with what is at stake: behind or not, their window's end and the days left in it. */
    ProgressOutlook outlook(CurrentUser user, long studentId);

    /**
     * The students of a counselor's classes who are behind (see {@code HoursLedger.classProgress}), the furthest
     * behind first, at most {@code limit}; and how many there are in all.
     */
    Behind behind(CurrentUser user, int limit);

    /** The first students behind, and how many are behind in all. */
    record Behind(List<ClassProgressRow> first, int total) {
    }

    /** What hours can be recorded for, for this student (placements and approved self-arranged registrations). */
    List<WorkSource> sourcesOf(CurrentUser user, long studentId);

    /** The numbers of the policy version of a class's cohort (a class register's header). */
    CountingSettings settingsOfClass(long classId);

    /**
     * Refuses, as not found, a student whose ledger the user may not read: forms check this before they look at what
     * was typed, so that an id outside the scope answers the same whatever the form holds.
     */
    void requireReadable(CurrentUser user, long studentId);

    /** Refuses, as not found, an entry the user may not amend (its student outside the scope, another employer's). */
    void requireEntryInReach(CurrentUser user, long entryId);

    /** The student behind a student account (for "my" pages), if the user acts as a student. */
    Optional<Long> studentIdOf(CurrentUser user);
}
