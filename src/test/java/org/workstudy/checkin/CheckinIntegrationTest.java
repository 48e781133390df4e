package org.workstudy.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.hours.HoursFixtures;
import org.workstudy.hours.HoursLedger;
import org.workstudy.hours.RecordStatus;
import org.workstudy.hours.RecorderRole;
import org.workstudy.hours.WorkRecordView;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.shared.BusinessException;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.checkin.internal.CheckinPages;
import org.workstudy.hours.internal.LedgerPages;

/**
 * Check-in at the workplace against the real ledger: a completed check-in/out is the student's report, counted once
 * the employer confirms; refusals say why; codes of other shifts and other employers' shifts stay out of reach.
 */
@IntegrationTest
class CheckinIntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final BigDecimal LAT = new BigDecimal("24.479800");
    private static final BigDecimal LNG = new BigDecimal("118.089400");

    @Autowired
    Checkins checkins;
    @Autowired
    CheckinPages checkinPages;
    @Autowired
    HoursFixtures hours;
    @Autowired
    HoursLedger ledger;
    @Autowired
    LedgerPages pages;
    @Autowired
    Fixtures fixtures;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    CheckinStore store;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    private Checkins.ScanOutcome scan(Student s, String code, Instant at, BigDecimal lat, BigDecimal lng, String device) {
        return fixtures.inTransaction(() -> checkins.scan(PlacementFixtures.signedIn(s),
                new ScanForm(code, lat, lng, device), at));
    }

    private String token(CurrentUser employer, long shiftId, Instant at) {
        return checkins.code(employer, shiftId, at).token();
    }

    private long open(HoursFixtures.Setup setup, Instant at) {
        return fixtures.inTransaction(() -> checkins.openShift(setup.employer(), setup.positionId(),
                new Checkins.ShiftPlace(LAT, LNG, 200), at));
    }

    @Test
    void aFreshSchoolMakesItsSigningSecretOnTheFirstReadOnlyPage() {
        // the first code is drawn on the supervisor's page, a read-only transaction; the secret is made beside it
        jdbc.sql("DELETE FROM chk_secret").update();
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        byte[] made = readOnly.execute(status -> store.secret());
        assertThat(made).hasSize(32);
        assertThat(jdbc.sql("SELECT secret FROM chk_secret").query(byte[].class).single()).isEqualTo(made);
        // later reads keep it
        byte[] again = readOnly.execute(status -> store.secret());
        assertThat(again).isEqualTo(made);
    }

    @Test
    void aCheckInAndOutBecomesTheStudentsReportThatCountsOnceTheEmployerConfirmsIt() {
        HoursFixtures.Setup setup = hours.placed(1);
        Student student = setup.student();
        Instant in = at("2025-10-18T09:00:12"); // a term-time Saturday
        long shift = open(setup, in.minusSeconds(600));

        Checkins.ScanOutcome first = scan(student, token(setup.employer(), shift, in), in, LAT, LNG, "device-aaaa-0001");
        assertThat(first.outcome()).isEqualTo("CHECKED_IN");
        assertThat(first.attendance().inDistanceM()).isZero();
        assertThat(first.attendance().signals()).isEmpty();

        // the same code again (a second tap, a forwarded photo) does not check out
        String sameCode = token(setup.employer(), shift, in);
        assertThatThrownBy(() -> scan(student, sameCode, in.plusSeconds(10), null, null, null))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("checkin.code.used"));

        Instant out = at("2025-10-18T13:00:40");
        Checkins.ScanOutcome second = scan(student, token(setup.employer(), shift, out), out, LAT, LNG, "device-aaaa-0001");
        assertThat(second.outcome()).isEqualTo("CHECKED_OUT");
        assertThat(second.attendance().refusalKey()).isNull();
        long entry = second.attendance().entryId();

        WorkRecordView waiting = record(setup, entry);
        assertThat(waiting.status()).isEqualTo(RecordStatus.WAITING_CONFIRMATION);
        assertThat(waiting.recordedByRole()).isEqualTo(RecorderRole.STUDENT);
        assertThat(waiting.startsAt()).isEqualTo(LocalTime.of(9, 0));
        assertThat(waiting.endsAt()).isEqualTo(LocalTime.of(13, 0));
        assertThat(waiting.hours()).isEqualByComparingTo("4");
        assertThat(ledger.pendingConfirmations(setup.employer())).extracting(WorkRecordView::id).contains(entry);
        assertThat(pages.progress(setup.counselor(), student.id()).hours()).isEqualByComparingTo("0");

        ledger.confirm(setup.employer(), entry);
        assertThat(record(setup, entry).status()).isEqualTo(RecordStatus.COUNTED);
        assertThat(pages.progress(setup.counselor(), student.id()).hours()).isEqualByComparingTo("4");

        // a third scan: already out
        Instant later = at("2025-10-18T14:00:00");
        assertThatThrownBy(() -> scan(student, token(setup.employer(), shift, later), later, null, null, null))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("checkin.already-out"));
    }

    @Test
    void aCheckOutTheCountingRulesRefuseKeepsTheReasonAndWritesNoRecord() {
        HoursFixtures.Setup setup = hours.placed(1);
        Instant in = at("2025-10-20T10:00:00"); // a term-time Monday morning: only evening work counts
        long shift = open(setup, in.minusSeconds(60));
        scan(setup.student(), token(setup.employer(), shift, in), in, null, null, null);
        Instant out = at("2025-10-20T12:00:00");
        Checkins.ScanOutcome done = scan(setup.student(), token(setup.employer(), shift, out), out, null, null, null);
        assertThat(done.outcome()).isEqualTo("CHECKED_OUT");
        assertThat(done.attendance().entryId()).isNull();
        assertThat(done.attendance().refusalKey()).startsWith("hours.rule.");
        assertThat(checkinPages.mine(PlacementFixtures.signedIn(setup.student())).get(0).refusalKey())
                .isEqualTo(done.attendance().refusalKey());
        assertThat(ledger.ofStudent(setup.counselor(), setup.student().id())).isEmpty();
    }

    @Test
    void oneDeviceForTwoStudentsAndACheckInFarAwayAreShownToTheEmployerAndCounselorNotRefused() {
        HoursFixtures.Setup setup = hours.placed(2);
        Instant in = at("2025-10-19T09:00:00");
        long shift = open(setup, in.minusSeconds(60));
        String code = token(setup.employer(), shift, in);
        scan(setup.students().get(0), code, in, LAT, LNG, "shared-phone-01");
        // the second student 3 km away, on the same phone: checked in all the same
        Checkins.ScanOutcome far = scan(setup.students().get(1), code, in.plusSeconds(5), new BigDecimal("24.506800"), LNG,
                "shared-phone-01");
        assertThat(far.outcome()).isEqualTo("CHECKED_IN");
        assertThat(far.attendance().inDistanceM()).isBetween(2900, 3100);

        List<Attendance> employerSees = checkinPages.attendances(setup.employer(), shift);
        assertThat(employerSees).allSatisfy(a -> assertThat(a.signals()).contains("checkin.signal.shared-device"));
        assertThat(employerSees).filteredOn(a -> a.studentId() == setup.students().get(1).id())
                .singleElement().satisfies(a -> assertThat(a.signals()).contains("checkin.signal.far"));

        // the signals page: the counselor sees their students' ones; another class's counselor sees none of them
        List<Long> counselorSees = withNow(in, () -> checkinPages.signals(setup.counselor()).stream()
                .map(Attendance::studentId).toList());
        assertThat(counselorSees).isNotNull();
        HoursFixtures.Setup other = hours.placed(1);
        assertThat(checkinPages.signals(other.counselor())).noneMatch(a -> a.shiftId() == shift);
    }

    private static <T> T withNow(Instant ignored, java.util.function.Supplier<T> s) {
        return s.get();
    }

    @Test
    void aMissedCheckOutIsMadeUpWithinTheDaysAndTheEmployerDecides() {
        HoursFixtures.Setup setup = hours.placed(2);
        Instant in = at("2025-10-25T14:00:00"); // Saturday
        long shift = open(setup, in.minusSeconds(60));
        String code = token(setup.employer(), shift, in);
        long a0 = scan(setup.students().get(0), code, in, null, null, null).attendance().id();
        long a1 = scan(setup.students().get(1), code, in, null, null, null).attendance().id();
        CurrentUser s0 = PlacementFixtures.signedIn(setup.students().get(0));
        CurrentUser s1 = PlacementFixtures.signedIn(setup.students().get(1));

        // while the shift is open there is no make-up: the student checks out by scanning
        assertThatThrownBy(() -> fixtures.inTransaction(() -> checkins.requestMakeUp(s0, a0, LocalTime.of(17, 30),
                "手机没电", in.plusSeconds(4 * 3600)))).isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("checkin.make-up.shift-open"));
        Instant closed = at("2025-10-25T18:00:00");
        fixtures.inTransaction(() -> {
            checkins.closeShift(setup.employer(), shift, closed);
            return null;
        });
        // nor an end after the shift ended
        assertThatThrownBy(() -> fixtures.inTransaction(() -> checkins.requestMakeUp(s0, a0, LocalTime.of(19, 0),
                "手机没电", closed.plusSeconds(3 * 3600)))).isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.field()).isEqualTo("endedAt"));

        // within 3 days of the shift's end: asked; the employer approves and the record is the employer's
        long makeUp = fixtures.inTransaction(() -> checkins.requestMakeUp(s0, a0, LocalTime.of(17, 30), "手机没电",
                closed.plusSeconds(3 * 86_400 - 60)));
        assertThat(checkinPages.pendingMakeUps(setup.employer())).isEmpty(); // pending list looks at the last days only
        fixtures.inTransaction(() -> {
            checkins.decideMakeUp(setup.employer(), makeUp, true, null);
            return null;
        });
        Attendance made = checkinPages.attendances(setup.employer(), shift).stream().filter(x -> x.id() == a0)
                .findFirst().orElseThrow();
        assertThat(made.makeUp().status()).isEqualTo("APPROVED");
        WorkRecordView r = record(setup, made.entryId());
        assertThat(r.recordedByRole()).isEqualTo(RecorderRole.EMPLOYER);
        assertThat(r.hours()).isEqualByComparingTo("3.5");
        assertThatThrownBy(() -> fixtures.inTransaction(() -> {
            checkins.decideMakeUp(setup.employer(), makeUp, false, "重复");
            return null;
        })).isInstanceOfSatisfying(BusinessException.class,
                e -> assertThat(e.messageKey()).isEqualTo("checkin.make-up.decided"));

        // after 3 days of the shift's end: too late; another student's attendance: not found
        assertThatThrownBy(() -> fixtures.inTransaction(() -> checkins.requestMakeUp(s1, a1, LocalTime.of(17, 0),
                "忘了", closed.plusSeconds(3 * 86_400 + 60)))).isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("checkin.make-up.too-late"));
        assertThatThrownBy(() -> fixtures.inTransaction(() -> checkins.requestMakeUp(s1, a0, LocalTime.of(17, 0),
                "别人的", in.plusSeconds(3600)))).isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void theStudentsPageOffersTheMakeUpFormOnlyAfterTheShiftEnded() throws Exception {
        HoursFixtures.Setup setup = hours.placed(1);
        Student student = setup.student();
        Instant now = Instant.now();
        long shift = open(setup, now.minusSeconds(3 * 3600));
        long attendance = scan(student, token(setup.employer(), shift, now.minusSeconds(2 * 3600)),
                now.minusSeconds(2 * 3600), null, null, null).attendance().id();
        String password = fixtures.password(student.studentNo());
        CurrentUser self = PlacementFixtures.signedIn(student);
        jakarta.servlet.http.Cookie session = org.workstudy.support.Logins.login(mvc, student.studentNo(), password);

        // the shift is still open: checked in, no make-up offered (the page's form and the view agree)
        assertThat(checkinPages.mine(self)).filteredOn(a -> a.id() == attendance).singleElement()
                .satisfies(a -> assertThat(a.makeUpUntil()).isNull());
        mvc.perform(get("/checkin").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("make-up-" + attendance))));
        mvc.perform(post("/api/v1/checkin/attendances/" + attendance + "/make-up")
                        .with(httpBasic(student.studentNo(), password)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"endedAt\":\"00:00\",\"reason\":\"忘了\"}"))
                .andExpect(status().isConflict());

        // the supervisor closes the shift: offered until three days after its end
        Instant closed = now.minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        fixtures.inTransaction(() -> {
            checkins.closeShift(setup.employer(), shift, closed);
            return null;
        });
        assertThat(checkinPages.mine(self)).filteredOn(a -> a.id() == attendance).singleElement()
                .satisfies(a -> assertThat(a.makeUpUntil()).isEqualTo(closed.plus(java.time.Duration.ofDays(3))));
        mvc.perform(get("/checkin").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"make-up-" + attendance + "\"")))
                .andExpect(content().string(containsString("make-up-until-" + attendance)));
    }

    @Test
    void anotherEmployersShiftIsNotFoundAndAnotherShiftsStudentCannotCheckIn() throws Exception {
        HoursFixtures.Setup a = hours.placed(1);
        HoursFixtures.Setup b = hours.placed(1);
        long shiftA = fixtures.inTransaction(() -> checkins.openShift(a.employer(), a.positionId(), null));
        for (Runnable call : List.<Runnable>of(() -> checkinPages.shift(b.employer(), shiftA),
                () -> checkins.code(b.employer(), shiftA), () -> checkinPages.attendances(b.employer(), shiftA),
                () -> checkins.closeShift(b.employer(), shiftA),
                () -> checkins.openShift(b.employer(), a.positionId(), null))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(BusinessException.class,
                    e -> assertThat(e.status()).isEqualTo(404));
        }
        String employerB = fixtures.account(Grant.of(Role.EMPLOYER, b.employerId()));
        mvc.perform(get("/api/v1/checkin/shifts/" + shiftA + "/code").with(httpBasic(employerB, Fixtures.PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/checkin/shifts/" + shiftA + "/attendances")
                        .with(httpBasic(employerB, Fixtures.PASSWORD))).andExpect(status().isNotFound());

        // a student of shift B's position scanning shift A's code: refused naming the code
        String tokenA = checkins.code(a.employer(), shiftA).token();
        Student s = b.student();
        String password = fixtures.password(s.studentNo());
        mvc.perform(post("/api/v1/checkin/scan").with(httpBasic(s.studentNo(), password))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + tokenA + "\"}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("code"));
        // A's own student checks in through the API with the same code
        Student sa = a.student();
        mvc.perform(post("/api/v1/checkin/scan").with(httpBasic(sa.studentNo(), fixtures.password(sa.studentNo())))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + tokenA + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("CHECKED_IN"));
        // a bad latitude is refused naming it
        mvc.perform(post("/api/v1/checkin/scan").with(httpBasic(sa.studentNo(), fixtures.password(sa.studentNo())))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + tokenA + "\",\"latitude\":95,\"longitude\":118}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field").value("latitude"));
    }

    private WorkRecordView record(HoursFixtures.Setup setup, long entryId) {
        return ledger.ofStudent(setup.counselor(), setup.student().id()).stream().filter(r -> r.id() == entryId)
                .findFirst().orElseGet(() -> ledger.ofStudent(setup.counselor(), setup.students().get(0).id())
                        .stream().filter(r -> r.id() == entryId).findFirst().orElseThrow());
    }
}
