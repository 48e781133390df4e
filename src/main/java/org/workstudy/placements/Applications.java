package org.workstudy.placements;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.notifications.Notifications;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.Student;
import org.workstudy.placements.ApplicationStore.Row;
import org.workstudy.placements.internal.Applicant;
import org.workstudy.placements.internal.ApplicationView;
import org.workstudy.placements.internal.SeatCount;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionView;
import org.workstudy.positions.SelectionMode;
import org.workstudy.shared.BusinessException;

/**
 * Students apply for positions; employers (or the bank's managers) decide. First-come positions accept at once while
 * places remain and wait-list the rest in order; a place that frees up goes to the first on the wait-list. Each
 * decision notifies the student.
 */
@Service
public class Applications {

    private final ApplicationStore store;
    private final PlacementStore placements;
    private final Seats seats;
    private final PositionBank positions;
    private final Roster roster;
    private final Organization organization;
    private final Notifications notifications;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxOpen;
    private final TransactionTemplate tx;

    Applications(ApplicationStore store, PlacementStore placements, Seats seats, PositionBank positions,
            Roster roster, Organization organization, Notifications notifications, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions, @Value("${workstudy.applications.max-open:5}") int maxOpen) {
        this.tx = new TransactionTemplate(transactions);
        this.store = store;
        this.placements = placements;
        this.seats = seats;
        this.positions = positions;
        this.roster = roster;
        this.organization = organization;
        this.notifications = notifications;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.maxOpen = maxOpen;
    }

    /**
     * The signed-in student applies. Applying again (a double click, a retry) answers with the same application.
     *
     * <p>Everything that does not contend runs first (the student's lock, the rules, the audit entry); the decision of
     * a first-come application is then one statement ({@link #decideFirstCome}) that takes the place and writes the
     * application, its history row and the placement, right before the commit: the applicants of a popular position
     * queue on its counter row for one statement and a commit. The wait-list position is read after the commit.
     */
    public ApplyOutcome apply(CurrentUser user, long positionId) {
        Decided d = tx.execute(status -> decide(user, positionId));
        Integer waitPosition = d.status() == ApplicationStatus.WAITLISTED && d.waitSeq() != null
                ? store.waitPosition(positionId, d.waitSeq()) : null;
        return new ApplyOutcome(d.id(), d.status(), waitPosition, d.again());
    }

    /** What the apply transaction decided; the wait-list position is counted after it. */
    private record Decided(long id, ApplicationStatus status, Long waitSeq, boolean again) {
    }

    private Decided decide(CurrentUser user, long positionId) {
        Student student = studentOf(user);
        PositionView position = positions.find(positionId)
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        long nextId = store.lockStudentDrawingId(student.id());
        List<Row> rows = store.forPositionOrUndecided(student.id(), positionId);
        Optional<Row> existing = rows.stream().filter(r -> r.positionId() == positionId).findFirst();
        if (existing.isPresent() && !existing.get().status().allowsReapplying()) {
            Row row = existing.get();
            if (row.status() == ApplicationStatus.REJECTED || row.status() == ApplicationStatus.CANCELLED) {
                throw BusinessException.conflict("placements.refused.already-decided");
            }
            return new Decided(row.id(), row.status(), row.waitSeq(), true);
        }
        int open = (int) rows.stream().filter(r -> r.status().isOpen()).count();
        SchoolClass schoolClass = organization.schoolClass(student.classId()).orElseThrow();
        Instant now = clock.instant();
        ApplyPolicy.refusal(position, student.status(), schoolClass.collegeId(), schoolClass.cohort(), now,
                open, maxOpen).ifPresent(key -> {
                    throw BusinessException.invalid(key, maxOpen);
                });
        boolean firstCome = position.selectionMode() == SelectionMode.FIRST_COME;
        if (firstCome && existing.isEmpty()) {
            audit.record("application", nextId, "apply", Map.of("position", positionId, "student", student.id()));
            seats.ensure(positionId, position.capacity());
            return decideFirstCome(nextId, positionId, student.id(), user.username(), now);
        }
        // Applying for a position the employer chooses from, or again after withdrawing: nothing to race for
        ApplicationStatus status = firstCome ? ApplicationStatus.WAITLISTED : ApplicationStatus.PENDING;
        Long waitSeq = firstCome ? store.nextWaitSeq() : null;
        long id = existing.isPresent() ? existing.get().id() : nextId;
        if (existing.isPresent()) {
            store.reapply(id, status, waitSeq, at(now));
        } else {
            store.insert(id, positionId, student.id(), status, waitSeq, at(now));
        }
        audit.record("application", id, "apply", Map.of("position", positionId, "student", student.id()));
        if (firstCome) {
            seats.ensure(positionId, position.capacity());
            if (seats.take(positionId, 1)) {
                status = ApplicationStatus.ACCEPTED;
                waitSeq = null;
                store.markAccepted(id);
                placeFromApplication(id, positionId, student.id(), user.username());
            }
        }
        store.addEvent(id, user.username(), status, null, now());
        return new Decided(id, status, waitSeq, false);
    }

    /**
     * The decision of a new first-come application in one statement: take a place if one is free (the counter row's
     * conditional UPDATE, which queues concurrent applicants on any number of instances), write the application as
     * accepted or wait-listed (its wait sequence drawn while the counter row is held, so the wait-list is in the
     * order the counter was reached), its history row and, when accepted, the placement (or the ended placement
     * made active again): {@link ApplicationStore#decideFirstCome}. {@link PlacementAccepted} goes through the event
     * publication registry in the same transaction: durable, and its listeners run after the commit.
     */
    private Decided decideFirstCome(long id, long positionId, long studentId, String actor, Instant now) {
        ApplicationStore.FirstCome decided = store.decideFirstCome(id, positionId, studentId, actor, at(now));
        if (decided.placementId() != null) {
            events.publishEvent(new PlacementAccepted(decided.placementId(), positionId, studentId,
                    PlacementSource.APPLICATION));
        }
        return new Decided(id, decided.status(), decided.waitSeq(), false);
    }

    /** The student withdraws; an accepted place goes to the first on the wait-list. */
    @Transactional
    public void withdraw(CurrentUser user, long applicationId) {
        Student student = studentOf(user);
        store.lockStudent(student.id());
        Row row = store.byId(applicationId).filter(r -> r.studentId() == student.id())
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (row.status() != ApplicationStatus.ACCEPTED && !row.status().isOpen()) {
            throw BusinessException.conflict("placements.withdraw.not-possible");
        }
        setStatus(row.id(), ApplicationStatus.WITHDRAWN, user.username(), null);
        if (row.status() == ApplicationStatus.ACCEPTED) {
            placements.endActive(row.positionId(), student.id(), PlacementView.WITHDRAWN, now());
            seats.release(row.positionId());
            promoteFromWaitlist(row.positionId());
        }
    }

    /** The employer or a manager of the position accepts or rejects a pending (or wait-listed) applicant. */
    @Transactional
    public void decide(CurrentUser user, long applicationId, boolean accept, String reason) {
        Row row = store.byId(applicationId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (!positions.mayManage(user, row.positionId())) {
            throw BusinessException.notFound("error.not-found");
        }
        if (!row.status().isOpen()) {
            throw BusinessException.conflict("placements.decide.not-open");
        }
        PositionView position = positions.find(row.positionId()).orElseThrow();
        if (accept) {
            seats.ensure(row.positionId(), position.capacity());
            if (!seats.take(row.positionId(), 1)) {
                throw BusinessException.conflict("placements.decide.full");
            }
            setStatus(row.id(), ApplicationStatus.ACCEPTED, user.username(), blankToNull(reason));
            placeFromApplication(row.id(), row.positionId(), row.studentId(), user.username());
        } else {
            if (reason == null || reason.isBlank()) {
                throw BusinessException.invalid("placements.decide.reason-required");
            }
            setStatus(row.id(), ApplicationStatus.REJECTED, user.username(), reason.trim());
        }
    }

    /** Ends every undecided application of a closed or cancelled position. */
    @Transactional
    public void cancelOpen(long positionId, String reason) {
        store.undecidedOf(positionId)
                .forEach(r -> setStatus(r.id(), ApplicationStatus.CANCELLED, "system", reason));
    }

    public List<ApplicationView> mine(CurrentUser user) {
        Student student = studentOf(user);
        return views(store.ofStudent(student.id()));
    }

    /** The applicants of a position, for those who may manage it. */
    public List<ApplicationView> applicants(CurrentUser user, long positionId) {
        if (!positions.mayManage(user, positionId)) {
            throw BusinessException.notFound("error.not-found");
        }
        return views(store.ofPosition(positionId));
    }

    /**
     * Places of a position as the user may see them: a published position's for anyone signed in (its job page shows
     * them); a draft's, a closed or cancelled one's only for those who may see the position itself.
     */
    @Transactional(readOnly = true)
    public SeatCount seatsFor(CurrentUser user, long positionId) {
        PositionView p = positions.find(positionId)
                .filter(v -> v.status() == org.workstudy.positions.PositionStatus.PUBLISHED
                        || org.workstudy.positions.PositionRules.maySee(user, v.bank(), v.bankCollegeId(), v.employerId()))
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        return seats(p);
    }

    public SeatCount seats(PositionView position) {
        return seats(List.of(position)).get(position.id());
    }

    /** Places of these positions; a position nobody applied for yet has all its places free. */
    public Map<Long, SeatCount> seats(Collection<PositionView> list) {
        Map<Long, SeatCount> counts = seats.counts(list.stream().map(PositionView::id).toList());
        list.forEach(p -> counts.putIfAbsent(p.id(), new SeatCount(p.id(), p.capacity(), 0, 0)));
        return counts;
    }

    /**
     * Why the signed-in student ({@link #applicant}) may not apply for the position now (a message key taking the
     * most undecided applications as its argument), or empty when they may: the page offers the button only then.
     */
    public Optional<String> refusal(Applicant applicant, PositionView position) {
        return ApplyPolicy.refusal(position, applicant.status(), applicant.collegeId(), applicant.cohort(),
                clock.instant(), store.undecidedCount(applicant.studentId()), maxOpen);
    }

    /** The signed-in student with the college and cohort positions may be limited to; refuses other roles. */
    public Applicant applicant(CurrentUser user) {
        Student student = studentOf(user);
        SchoolClass schoolClass = organization.schoolClass(student.classId()).orElseThrow();
        return new Applicant(student.id(), student.status(), schoolClass.collegeId(), schoolClass.cohort());
    }

    /** The most undecided applications a student may hold. */
    public int maxOpen() {
        return maxOpen;
    }

    public Optional<ApplicationView> mineFor(CurrentUser user, long positionId) {
        Student student = studentOf(user);
        return store.find(positionId, student.id()).map(r -> views(List.of(r)).get(0));
    }

    /** The student id of the signed-in student; refuses other roles. */
    public long studentIdOf(CurrentUser user) {
        return studentOf(user).id();
    }

    /** The signed-in student; refuses other roles. */
    public Student studentOf(CurrentUser user) {
        if (!user.acts(Role.STUDENT)) {
            throw BusinessException.forbidden();
        }
        return roster.ofAccount(user.accountId()).orElseThrow(BusinessException::forbidden);
    }

    /** Gives free places to the wait-list in order (after a capacity increase). */
    @Transactional
    public void fillFromWaitlist(long positionId) {
        while (promoteFromWaitlist(positionId)) {
            // one promotion per free place
        }
    }

    private boolean promoteFromWaitlist(long positionId) {
        Optional<Row> next = store.firstWaiting(positionId);
        if (next.isEmpty() || !seats.take(positionId, 1)) {
            return false;
        }
        setStatus(next.get().id(), ApplicationStatus.ACCEPTED, "system", null);
        placeFromApplication(next.get().id(), positionId, next.get().studentId(), "system");
        return true;
    }

    private void placeFromApplication(long applicationId, long positionId, long studentId, String by) {
        placements.place(positionId, studentId, PlacementSource.APPLICATION, applicationId, by)
                .ifPresent(id -> events.publishEvent(new PlacementAccepted(id, positionId, studentId,
                        PlacementSource.APPLICATION)));
    }

    private void setStatus(long id, ApplicationStatus status, String actor, String reason) {
        Row before = store.byId(id).orElseThrow();
        store.setStatus(id, status, actor, reason, now());
        store.addEvent(id, actor, status, reason, now());
        audit.recordChange("application", id, status.name().toLowerCase(), Map.of("status", before.status()),
                Map.of("status", status));
        notifyStudent(before, status, reason);
    }

    private void notifyStudent(Row row, ApplicationStatus status, String reason) {
        roster.find(row.studentId()).map(Student::accountId).ifPresent(account -> {
            String title = positions.find(row.positionId()).map(PositionView::title).orElse("");
            notifications.send(account, "placements.notify." + status.name().toLowerCase(),
                    List.of(title, reason == null ? "" : reason), "/jobs/" + row.positionId());
        });
    }

    private Integer waitPosition(Row row) {
        if (row.status() != ApplicationStatus.WAITLISTED || row.waitSeq() == null) {
            return null;
        }
        return store.waitPosition(row.positionId(), row.waitSeq());
    }

    private List<ApplicationView> views(List<Row> rows) {
        Map<Long, PositionView> byPosition = new java.util.HashMap<>();
        positions.findAll(rows.stream().map(Row::positionId).distinct().toList())
                .forEach(p -> byPosition.put(p.id(), p));
        return rows.stream().map(r -> {
            PositionView p = byPosition.get(r.positionId());
            var s = roster.find(r.studentId()).orElseThrow();
            String className = organization.schoolClass(s.classId()).map(SchoolClass::name).orElse("");
            return new ApplicationView(r.id(), r.positionId(), p == null ? "" : p.title(),
                    p == null ? "" : p.employerName(), r.studentId(), s.studentNo(), s.name(), className, r.status(),
                    r.appliedAt(), r.decidedAt(), r.reason(), waitPosition(r));
        }).toList();
    }

    private OffsetDateTime now() {
        return at(clock.instant());
    }

    private OffsetDateTime at(Instant instant) {
        return instant.atZone(clock.getZone()).toOffsetDateTime();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
