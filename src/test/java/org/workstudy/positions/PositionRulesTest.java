package org.workstudy.positions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;

/** The rules of positions: what a valid position is, the lifecycle, and who may do what. */
class PositionRulesTest {

    static final BigDecimal MIN = new BigDecimal("15");
    static final Set<Long> COLLEGES = Set.of(1L, 2L);
    static final Instant NOW = Instant.parse("2026-09-10T02:00:00Z");

    static PositionForm valid() {
        return new PositionForm(BankKind.SCHOOL, null, 7L, " 图书整架 ", "上架", PositionType.TEMPORARY,
                Set.of(TimeKind.WEEKEND), "图书馆", "厦门", 3, new BigDecimal("4"), new BigDecimal("15.00"),
                LocalDate.of(2026, 9, 12), LocalDate.of(2026, 12, 31), LocalDateTime.of(2026, 9, 1, 8, 0),
                LocalDateTime.of(2026, 9, 30, 18, 0), Set.of(1L), Set.of(2025), SelectionMode.FIRST_COME, null);
    }

    static PositionForm with(java.util.function.UnaryOperator<Object[]> change) {
        PositionForm f = valid();
        Object[] v = {f.capacity(), f.hoursPerShift(), f.hourlyPay(), f.workFrom(), f.workTo(), f.opensAt(),
            f.closesAt(), f.eligibleCollegeIds(), f.safetyNotes()};
        v = change.apply(v);
        @SuppressWarnings("unchecked")
        Set<Long> colleges = (Set<Long>) v[7];
        return new PositionForm(f.bank(), f.bankCollegeId(), f.employerId(), f.title(), f.description(), f.type(),
                f.timeKinds(), f.place(), f.city(), (Integer) v[0], (BigDecimal) v[1], (BigDecimal) v[2],
                (LocalDate) v[3], (LocalDate) v[4], (LocalDateTime) v[5], (LocalDateTime) v[6], colleges,
                f.eligibleCohorts(), f.selectionMode(), (String) v[8]);
    }

    static void refused(PositionForm f, boolean onCampus, String key) {
        assertThatThrownBy(() -> PositionRules.validate(f, onCampus, MIN, COLLEGES))
                .isInstanceOfSatisfying(BusinessException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.status()).isEqualTo(422);
                });
    }

    static CurrentUser user(Role role, Long scope) {
        return new CurrentUser(1, "u", "U", role, List.of(Grant.of(role, scope)));
    }

    static PositionView view(BankKind bank, Long college, long employer, PositionStatus status) {
        return new PositionView(9, bank, college, employer, "后勤处", true, "t", null, "FIXED",
                Set.of(TimeKind.EVENING), "p", "厦门", 3, BigDecimal.ONE, MIN, LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 12, 1), NOW.minusSeconds(3600), NOW.plusSeconds(86400), Set.of(), Set.of(),
                SelectionMode.FIRST_COME, null, status, "350200");
    }

    @Test
    void aValidPositionIsAcceptedAndTrimmed() {
        PositionForm f = PositionRules.validate(valid(), true, MIN, COLLEGES);
        assertThat(f.title()).isEqualTo("图书整架");
    }

    @Test
    void payOfTheMinimumIsAcceptedAndACentBelowIsRefused() {
        PositionRules.validate(with(v -> { v[2] = new BigDecimal("15.00"); return v; }), true, MIN, COLLEGES);
        refused(with(v -> { v[2] = new BigDecimal("14.99"); return v; }), true, "positions.pay.below-minimum");
    }

    @Test
    void capacityOfZeroOrLessIsRefused() {
        refused(with(v -> { v[0] = 0; return v; }), true, "positions.capacity.positive");
        refused(with(v -> { v[0] = -1; return v; }), true, "positions.capacity.positive");
    }

    @Test
    void hoursPerShiftMustBeAboveZeroAndAtMostTen() {
        PositionRules.validate(with(v -> { v[1] = BigDecimal.TEN; return v; }), true, MIN, COLLEGES);
        refused(with(v -> { v[1] = new BigDecimal("10.5"); return v; }), true, "positions.hours-per-shift.range");
        refused(with(v -> { v[1] = BigDecimal.ZERO; return v; }), true, "positions.hours-per-shift.range");
    }

    @Test
    void aWindowClosingBeforeItOpensIsRefused() {
        refused(with(v -> { v[6] = LocalDateTime.of(2026, 8, 31, 8, 0); return v; }), true,
                "positions.window.reversed");
        refused(with(v -> { v[6] = v[5]; return v; }), true, "positions.window.reversed");
    }

    @Test
    void aReversedWorkPeriodIsRefusedButOneDayIsFine() {
        refused(with(v -> { v[4] = LocalDate.of(2026, 9, 11); return v; }), true, "positions.period.reversed");
        PositionRules.validate(with(v -> { v[4] = v[3]; return v; }), true, MIN, COLLEGES);
    }

    @Test
    void anUnknownEligibleCollegeIsRefusedClearly() {
        refused(with(v -> { v[7] = Set.of(1L, 99L); return v; }), true, "positions.college.unknown");
    }

    @Test
    void offCampusPositionsNeedSafetyNotes() {
        refused(valid(), false, "positions.safety.required");
        PositionRules.validate(with(v -> { v[8] = "岗前安全培训"; return v; }), false, MIN, COLLEGES);
    }

    @Test
    void theLifecycleRunsDraftSubmittedApprovedPublishedClosed() {
        assertThat(PositionRules.next(PositionStatus.DRAFT, PositionAction.SUBMIT)).isEqualTo(PositionStatus.SUBMITTED);
        assertThat(PositionRules.next(PositionStatus.SUBMITTED, PositionAction.APPROVE))
                .isEqualTo(PositionStatus.APPROVED);
        assertThat(PositionRules.next(PositionStatus.APPROVED, PositionAction.PUBLISH))
                .isEqualTo(PositionStatus.PUBLISHED);
        assertThat(PositionRules.next(PositionStatus.PUBLISHED, PositionAction.CLOSE)).isEqualTo(PositionStatus.CLOSED);
        assertThat(PositionRules.next(PositionStatus.SUBMITTED, PositionAction.RETURN)).isEqualTo(PositionStatus.DRAFT);
    }

    @Test
    void stepsOutOfOrderAreConflicts() {
        assertThatThrownBy(() -> PositionRules.next(PositionStatus.DRAFT, PositionAction.PUBLISH))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> PositionRules.next(PositionStatus.CLOSED, PositionAction.CANCEL))
                .isInstanceOf(BusinessException.class);
        assertThatThrownBy(() -> PositionRules.next(PositionStatus.PUBLISHED, PositionAction.RETURN))
                .isInstanceOf(BusinessException.class);
    }

    @Test
    void returningAndCancellingNeedAReason() {
        CurrentUser staff = user(Role.CENTER_STAFF, null);
        assertThatThrownBy(() -> PositionRules.step(staff, view(BankKind.SCHOOL, null, 7, PositionStatus.SUBMITTED),
                PositionAction.RETURN, " ", true, NOW))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("positions.reason.required"));
        assertThat(PositionRules.step(staff, view(BankKind.SCHOOL, null, 7, PositionStatus.SUBMITTED),
                PositionAction.RETURN, "补充说明", true, NOW)).isEqualTo(PositionStatus.DRAFT);
    }

    @Test
    void publishingWithoutAValidAgreementIsRefused() {
        CurrentUser staff = user(Role.CENTER_STAFF, null);
        assertThatThrownBy(() -> PositionRules.step(staff, view(BankKind.SCHOOL, null, 7, PositionStatus.APPROVED),
                PositionAction.PUBLISH, null, false, NOW))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("positions.publish.agreement-invalid"));
    }

    @Test
    void theCenterReviewsTheSchoolBankAndACollegeOnlyItsOwnBank() {
        assertThat(PositionRules.mayReview(user(Role.CENTER_STAFF, null), BankKind.SCHOOL, null)).isTrue();
        assertThat(PositionRules.mayReview(user(Role.CENTER_DIRECTOR, null), BankKind.SCHOOL, null)).isTrue();
        assertThat(PositionRules.mayReview(user(Role.COLLEGE_ADMIN, 1L), BankKind.SCHOOL, null)).isFalse();
        assertThat(PositionRules.mayReview(user(Role.VICE_DEAN, 1L), BankKind.COLLEGE, 1L)).isTrue();
        assertThat(PositionRules.mayReview(user(Role.VICE_DEAN, 1L), BankKind.COLLEGE, 2L)).isFalse();
        assertThat(PositionRules.mayReview(user(Role.EMPLOYER, 7L), BankKind.SCHOOL, null)).isFalse();
    }

    @Test
    void anEmployerDraftsOnlyForItselfInTheSchoolBankAndCannotApprove() {
        CurrentUser employer = user(Role.EMPLOYER, 7L);
        assertThat(PositionRules.mayEdit(employer, BankKind.SCHOOL, null, 7)).isTrue();
        assertThat(PositionRules.mayEdit(employer, BankKind.SCHOOL, null, 8)).isFalse();
        assertThat(PositionRules.mayEdit(employer, BankKind.COLLEGE, 1L, 7)).isFalse();
        assertThatThrownBy(() -> PositionRules.step(employer, view(BankKind.SCHOOL, null, 7, PositionStatus.SUBMITTED),
                PositionAction.APPROVE, null, true, NOW))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void aCollegeAdminEditsOnlyTheirCollegesBankAndTheCenterOnlyTheSchoolBank() {
        assertThat(PositionRules.mayEdit(user(Role.COLLEGE_ADMIN, 1L), BankKind.COLLEGE, 1L, 7)).isTrue();
        assertThat(PositionRules.mayEdit(user(Role.COLLEGE_ADMIN, 1L), BankKind.COLLEGE, 2L, 7)).isFalse();
        assertThat(PositionRules.mayEdit(user(Role.CENTER_STAFF, null), BankKind.SCHOOL, null, 7)).isTrue();
        assertThat(PositionRules.mayEdit(user(Role.CENTER_STAFF, null), BankKind.COLLEGE, 1L, 7)).isFalse();
        assertThat(PositionRules.mayEdit(user(Role.VICE_DEAN, 1L), BankKind.COLLEGE, 1L, 7)).isFalse();
    }

    @Test
    void managersAreTheCenterTheCollegeOfTheBankAndTheEmployer() {
        assertThat(PositionRules.mayManage(user(Role.CENTER_STAFF, null), BankKind.COLLEGE, 2L, 7)).isTrue();
        assertThat(PositionRules.mayManage(user(Role.COLLEGE_ADMIN, 1L), BankKind.COLLEGE, 2L, 7)).isFalse();
        assertThat(PositionRules.mayManage(user(Role.EMPLOYER, 7L), BankKind.COLLEGE, 2L, 7)).isTrue();
        assertThat(PositionRules.mayManage(user(Role.LEADER, null), BankKind.SCHOOL, null, 7)).isFalse();
    }

    @Test
    void aPositionIsOpenOnlyWhenPublishedAndInsideItsWindow() {
        PositionView open = view(BankKind.SCHOOL, null, 7, PositionStatus.PUBLISHED);
        assertThat(open.openAt(NOW)).isTrue();
        assertThat(open.openAt(open.closesAt())).isFalse();
        assertThat(open.openAt(open.opensAt())).isTrue();
        assertThat(view(BankKind.SCHOOL, null, 7, PositionStatus.APPROVED).openAt(NOW)).isFalse();
    }

    @Test
    void emptyEligibilityAdmitsEveryoneAndAListAdmitsOnlyItsMembers() {
        PositionView all = view(BankKind.SCHOOL, null, 7, PositionStatus.PUBLISHED);
        assertThat(all.admits(5, 2020)).isTrue();
        PositionView some = new PositionView(1, BankKind.SCHOOL, null, 7, "e", true, "t", null, "FIXED", Set.of(),
                "p", "c", 1, BigDecimal.ONE, MIN, null, null, NOW, NOW, Set.of(1L), Set.of(2025),
                SelectionMode.FIRST_COME, null, PositionStatus.PUBLISHED, "350200");
        assertThat(some.admits(1, 2025)).isTrue();
        assertThat(some.admits(2, 2025)).isFalse();
        assertThat(some.admits(1, 2024)).isFalse();
    }

    @Test
    void agreementFilesAreJudgedByTheirContentNotTheirName() {
        assertThat(AgreementFiles.contentTypeOf("%PDF-1.7 ...".getBytes())).isEqualTo("application/pdf");
        assertThat(AgreementFiles.contentTypeOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo(
                "image/jpeg");
        assertThat(AgreementFiles.contentTypeOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}))
                .isEqualTo("image/png");
        assertThatThrownBy(() -> AgreementFiles.check("MZ\u0090\u0000 executable".getBytes(), 1000))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("positions.agreement.type"));
        assertThatThrownBy(() -> AgreementFiles.check(new byte[1001], 1000))
                .isInstanceOfSatisfying(BusinessException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("positions.agreement.too-large"));
        assertThat(AgreementFiles.safeName("x.exe", "application/pdf")).isEqualTo("x.exe.pdf");
    }

    @Test
    void anOffCampusEmployersAgreementIsValidThroughItsExpiryDay() {
        Employer e = new Employer(1, false, "公司", "厦门", null, null, null, true, 3L, "a.pdf",
                LocalDate.of(2026, 9, 10), "350200");
        assertThat(e.agreementValidOn(LocalDate.of(2026, 9, 10))).isTrue();
        assertThat(e.agreementValidOn(LocalDate.of(2026, 9, 11))).isFalse();
        assertThat(new Employer(2, true, "图书馆", "厦门", null, null, null, true, null, null, null, "350200")
                .agreementValidOn(LocalDate.of(2030, 1, 1))).isTrue();
    }
}
