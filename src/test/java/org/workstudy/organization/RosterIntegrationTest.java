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
            roster.deactivate(id, StudentStatus.WITHDRAWN);
            return null;
        });
        String changes = jdbc.sql("SELECT changes FROM audit_entry WHERE entity_type = 'student' AND entity_id = ?"
                + " AND action = 'update' ORDER BY id LIMIT 1").param(String.valueOf(id)).query(String.class).single();
        assertThat(changes).contains("改名后").contains("\"phone\":[\"***\",\"***\"]").doesNotContain("13911112222");
        assertThat(accounts.findByUsername(s.studentNo()).orElseThrow().enabled()).isFalse();
    }
}
