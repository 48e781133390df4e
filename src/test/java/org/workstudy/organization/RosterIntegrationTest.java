package org.workstudy.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workstudy.identity.Accounts;
import org.workstudy.shared.BusinessException;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

@IntegrationTest
class RosterIntegrationTest {

    @Autowired
    private StatusHistory status;
    @Autowired
    Roster roster;
    @Autowired
    Accounts accounts;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewStudentGetsAnAccountThatAwaitsActivation() {
        Student s = roster.find(fixtures.student(fixtures.schoolClass(fixtures.college()))).orElseThrow();
        var account = accounts.findByUsername(s.studentNo()).orElseThrow();
        assertThat(account.awaitingActivation()).isTrue();
        assertThat(account.grants()).extracting(g -> g.scopeId()).containsExactly(s.id());
        assertThat(s.accountId()).isEqualTo(account.id());
    }

    @Test
    void aDuplicateStudentNumberIsRefusedAndNothingIsWritten() {
        long classId = fixtures.schoolClass(fixtures.college());
        Student s = roster.find(fixtures.student(classId)).orElseThrow();
        long before = roster.count();
        assertThatThrownBy(() -> roster.create(new StudentForm(s.studentNo(), "另一人", Gender.MALE, classId,
                "2024-2025-1", StudentStatus.ACTIVE, null, null)))
                .isInstanceOf(BusinessException.class).hasMessageContaining("organization.student.no.taken");
        assertThat(roster.count()).isEqualTo(before);
    }

    @Test
    void aBadIdCardNumberIsRefused() {
        long classId = fixtures.schoolClass(fixtures.college());
        long before = roster.count();
        assertThatThrownBy(() -> roster.create(new StudentForm("X" + Fixtures.next() + "000", "某人", Gender.MALE,
                classId, "2024-2025-1", StudentStatus.ACTIVE, null, "350203200502301234")))
                .isInstanceOf(BusinessException.class).hasMessageContaining("id-card.invalid");
        assertThat(roster.count()).isEqualTo(before);
    }

    @Test
    void editsAreAuditedWithoutPersonalDataAndWithdrawalDisablesTheAccount() {
        long id = fixtures.student(fixtures.schoolClass(fixtures.college()));
        Student s = roster.find(id).orElseThrow();
        fixtures.inTransaction(() -> {
            roster.update(id, new StudentForm(s.studentNo(), "改名后", s.gender(), s.classId(), s.enrolmentTerm(),
                    s.status(), "13911112222", s.idCardNo()));
            status.record(StatusChangesIntegrationTest.ADMIN, new NewStatusChange(id, StatusChangeKind.WITHDRAW,
                    java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), null, null, "自愿退学"));
            return null;
        });
        String changes = jdbc.sql("SELECT changes FROM audit_entry WHERE entity_type = 'student' AND entity_id = ?"
                + " AND action = 'update' ORDER BY id LIMIT 1").param(String.valueOf(id)).query(String.class).single();
        assertThat(changes).contains("改名后").contains("\"phone\":[\"***\",\"***\"]").doesNotContain("13911112222");
        assertThat(accounts.findByUsername(s.studentNo()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void theEditFormDoesNotChangeAStatusOrTheClassOfAStudentWithStatusChanges() {
        long college = fixtures.college();
        long classId = fixtures.schoolClass(college);
        long otherClass = fixtures.schoolClass(college);
        long id = fixtures.student(classId);
        Student s = roster.find(id).orElseThrow();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertThatThrownBy(() -> roster.update(id, new StudentForm(s.studentNo(), s.name(), s.gender(), classId,
                s.enrolmentTerm(), StudentStatus.SUSPENDED, s.phone(), s.idCardNo())))
                .isInstanceOf(BusinessException.class).hasMessageContaining("organization.student.status-by-change");
        // without any 学籍异动 a class can still be corrected (a mistake at entry)
        roster.update(id, new StudentForm(s.studentNo(), s.name(), s.gender(), otherClass, s.enrolmentTerm(),
                s.status(), s.phone(), s.idCardNo()));
        status.record(StatusChangesIntegrationTest.ADMIN, new NewStatusChange(id, StatusChangeKind.SUSPEND,
                today, today.plusMonths(6), null, "因病休学"));
        Student suspended = roster.find(id).orElseThrow();
        assertThatThrownBy(() -> roster.update(id, new StudentForm(s.studentNo(), s.name(), s.gender(), classId,
                s.enrolmentTerm(), suspended.status(), s.phone(), s.idCardNo())))
                .isInstanceOf(BusinessException.class).hasMessageContaining("organization.student.class-by-change");
        assertThat(roster.find(id).orElseThrow().classId()).isEqualTo(otherClass);
        assertThat(suspended.status()).isEqualTo(StudentStatus.SUSPENDED);
    }
}
