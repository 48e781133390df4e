package org.workstudy.hours.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.hours.ClassProgressRow;
import org.workstudy.hours.CountingSettings;
import org.workstudy.hours.EntryKind;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.RecordStatus;
import org.workstudy.hours.RecorderRole;
import org.workstudy.hours.WorkRecordView;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.College;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.StatusHistory;
import org.workstudy.organization.Student;
import org.workstudy.shared.BusinessException;

/**
 * The register (登记本, DESIGN section 2 rule 9) as the paper one reads: per student, every entry of the ledger with
 * date, time, place, employer, content and hours, who recorded it and who confirmed it; a correction right below
 * the entry it corrects (which prints struck through), voids marked; the totals in hours, days and share of the
 * required hours. Built on {@link HoursLedger}, so its role and data-scope checks apply: a counselor sees their
 * classes, college staff their college, the school offices everyone, a student themselves; anything else answers
 * "not found". Employers keep no register (they see their positions' part of a ledger on the ledger pages).
 */
@Service
public class Register {

    private final HoursLedger ledger;
    private final LedgerPages pages;
    private final Roster roster;
    private final Organization organization;
    private final Clock clock;
    private final StatusHistory statusHistory;

    Register(HoursLedger ledger, LedgerPages pages, Roster roster, Organization organization, Clock clock, StatusHistory statusHistory) {
        this.statusHistory = statusHistory;
        this.ledger = ledger;
        this.pages = pages;
        this.roster = roster;
        this.organization = organization;
        this.clock = clock;
    }

    /** A student's register. */
    @Transactional(readOnly = true)
    public StudentRegister ofStudent(CurrentUser user, long studentId) {
        requireRegisterRole(user);
        List<WorkRecordView> records = ledger.ofStudent(user, studentId);
        Progress p = pages.progress(user, studentId);
        Student s = roster.find(studentId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        SchoolClass c = organization.schoolClass(s.classId()).orElseThrow();
        String college = organization.college(c.collegeId()).map(College::name).orElse("");
        return build(s, c.name(), college, records, titles(user, studentId), p.hours(), p.days(), p.sharePercent(),
                p.completed());
    }

    /** The register of every student of the class, in 学号 order (staff only). */
    @Transactional(readOnly = true)
    public ClassRegister ofClass(CurrentUser user, long classId) {
        requireRegisterRole(user);
        if (user.acts(Role.STUDENT)) {
            throw BusinessException.notFound("error.not-found");
        }
        List<ClassProgressRow> rows = ledger.classProgress(user, classId);
        SchoolClass c = organization.schoolClass(classId).orElseThrow(() -> BusinessException.notFound(
                "error.not-found"));
        String college = organization.college(c.collegeId()).map(College::name).orElse("");
        List<StudentRegister> students = new ArrayList<>(rows.size());
        for (ClassProgressRow r : rows) {
            Student s = roster.find(r.studentId()).orElseThrow();
            students.add(build(s, c.name(), college, ledger.ofStudent(user, s.id()), titles(user, s.id()), r.hours(),
                    r.days(), r.sharePercent(), r.completed()));
        }
        CountingSettings settings = pages.settingsOfClass(classId);
        return new ClassRegister(c.id(), c.name(), college, c.cohort(), students, settings.requiredHours(),
                settings.hoursPerDay(), LocalDate.now(clock));
    }

    /** The class of a student the user may see (for links and file names); "not found" outside the scope. */
    @Transactional(readOnly = true)
    public SchoolClass classOf(CurrentUser user, long studentId) {
        requireRegisterRole(user);
        pages.progress(user, studentId);
        Student s = roster.find(studentId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        return organization.schoolClass(s.classId()).orElseThrow();
    }

    private static void requireRegisterRole(CurrentUser user) {
        if (user.activeRole() == null || user.acts(Role.EMPLOYER)) {
            throw BusinessException.notFound("error.not-found");
        }
    }

    private Map<String, String> titles(CurrentUser user, long studentId) {
        Map<String, String> out = new HashMap<>();
        for (WorkSource s : pages.sourcesOf(user, studentId)) {
            out.put(s.kind() + ":" + s.id(), s.title());
        }
        return out;
    }

    private StudentRegister build(Student s, String className, String college, List<WorkRecordView> records,
            Map<String, String> titles, BigDecimal hours, BigDecimal days, BigDecimal share, boolean completed) {
        CountingSettings settings = ledger.settings(s.id());
        BigDecimal waiting = records.stream().filter(r -> r.status() == RecordStatus.WAITING_CONFIRMATION)
                .map(WorkRecordView::hours).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new StudentRegister(s.id(), s.studentNo(), s.name(), s.classId(), className, college,
                s.enrolmentTerm(), lines(records, titles), hours, days, share, settings.requiredHours(),
                settings.hoursPerDay(), waiting, completed, LocalDate.now(clock), statusHistory.changesOf(s.id()));
    }

    /** Originals in the order of the work, each followed by the chain of entries that corrected or voided it. */
    List<RegisterLine> lines(List<WorkRecordView> records, Map<String, String> titles) {
        Map<Long, WorkRecordView> byId = new HashMap<>();
        records.forEach(r -> byId.put(r.id(), r));
        List<WorkRecordView> roots = records.stream()
                .filter(r -> r.correctsId() == null || !byId.containsKey(r.correctsId()))
                .sorted(Comparator.comparing(WorkRecordView::workDate)
                        .thenComparing(r -> r.startsAt() == null ? LocalTime.MIN : r.startsAt())
                        .thenComparingLong(WorkRecordView::id))
                .toList();
        List<RegisterLine> out = new ArrayList<>(records.size());
        int no = 0;
        for (WorkRecordView root : roots) {
            no++;
            WorkRecordView r = root;
            boolean first = true;
            while (r != null) {
                out.add(line(first ? no : 0, !first, r, titles));
                first = false;
                r = r.supersededById() == null ? null : byId.get(r.supersededById());
            }
        }
        return out;
    }

    private RegisterLine line(int no, boolean followUp, WorkRecordView r, Map<String, String> titles) {
        boolean struck = r.supersededById() != null && r.kind() != EntryKind.VOID;
        String title = titles.get(r.sourceKind() + ":" + r.sourceId());
        LocalDate recordedOn = day(r.recordedAt());
        if (r.confirmedBy() != null) {
            return new RegisterLine(no, followUp, struck, r, title, recordedOn, r.confirmedBy(),
                    "role." + r.confirmedByRole(), day(r.confirmedAt()), false);
        }
        boolean byCounselor = r.recordedByRole() == RecorderRole.COUNSELOR && r.kind() != EntryKind.VOID;
        return byCounselor
                ? new RegisterLine(no, followUp, struck, r, title, recordedOn, r.recordedBy(), "role.COUNSELOR",
                        recordedOn, true)
                : new RegisterLine(no, followUp, struck, r, title, recordedOn, null, null, null, false);
    }

    private LocalDate day(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, clock.getZone());
    }
}
