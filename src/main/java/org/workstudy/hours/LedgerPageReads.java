package org.workstudy.hours;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.workstudy.hours.internal.LedgerPages;
import org.workstudy.hours.internal.Progress;
import org.workstudy.hours.internal.ProgressOutlook;
import org.workstudy.hours.internal.WorkSource;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;

/**
 * {@link LedgerPages} over the package-private reads and writes: here in the root, since those are not visible from
 * {@code hours.internal}, while the interface lives there so that no other module sees it.
 */
@Service
class LedgerPageReads implements LedgerPages {

    private final LedgerReads reads;
    private final LedgerWrites writes;
    private final CohortSettings settings;
    private final Roster roster;

    LedgerPageReads(LedgerReads reads, LedgerWrites writes, CohortSettings settings, Roster roster) {
        this.reads = reads;
        this.writes = writes;
        this.settings = settings;
        this.roster = roster;
    }

    @Override
    public Progress progress(CurrentUser user, long studentId) {
        return reads.progress(user, studentId);
    }

    @Override
    public ProgressOutlook outlook(CurrentUser user, long studentId) {
        return reads.outlook(user, studentId);
    }

    @Override
    public Behind behind(CurrentUser user, int limit) {
        return reads.behind(user, limit);
    }

    @Override
    public List<WorkSource> sourcesOf(CurrentUser user, long studentId) {
        return reads.sourcesOf(user, studentId);
    }

    @Override
    public CountingSettings settingsOfClass(long classId) {
        return settings.ofClass(classId);
    }

    @Override
    public void requireReadable(CurrentUser user, long studentId) {
        reads.requireReadable(user, studentId);
    }

    @Override
    public void requireEntryInReach(CurrentUser user, long entryId) {
        writes.requireEntryInReach(user, entryId);
    }

    @Override
    public Optional<Long> studentIdOf(CurrentUser user) {
        if (!user.acts(Role.STUDENT)) {
            return Optional.empty();
        }
        return roster.ofAccount(user.accountId()).map(Student::id);
    }
}
