package org.workstudy.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/** approvals keeps the lifecycle: the subject hears the decision in its transaction, and the one history. */
@IntegrationTest
class ApprovalLifecycleTest {

    @Autowired
    Approvals approvals;
    @Autowired
    Fixtures school;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aListenerThatFailsRollsTheDecisionBack() {
        long subject = Fixtures.next();
        long id = school.inTransaction(() -> approvals.open(ProbeSubjects.FAILING, subject,
                List.of(StepSpec.named("only", Approver.of(Role.CENTER_DIRECTOR, null)))));
        CurrentUser director = ApprovalsIntegrationTest.acting(Role.CENTER_DIRECTOR, null);

        assertThatThrownBy(() -> approvals.decide(director, id, true, "同意"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot move");

        assertThat(approvals.history(id)).as("no decision").isEmpty();
        ApprovalRequestView request = approvals.find(id).orElseThrow();
        assertThat(request.open()).as("still open").isTrue();
        assertThat(request.currentStep()).isEqualTo(1);
        assertThat(approvals.lifecycle(ProbeSubjects.FAILING, subject)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE entity_type = 'approval' AND entity_id = ?"
                + " AND action = 'approve'").param(String.valueOf(id)).query(Long.class).single()).as("no audit entry").isZero();
        assertThat(approvals.pendingFor(director, ProbeSubjects.FAILING)).extracting(PendingApproval::requestId)
                .contains(id);
    }

    @Test
    void theHistoryHoldsTheSubjectsStepsAndTakesWhoAndWhyFromTheDecision() {
        long subject = Fixtures.next();
        long id = school.inTransaction(() -> {
            long request = approvals.open(ProbeSubjects.NOTED, subject, List.of(
                    StepSpec.named("counselor", Approver.of(Role.COUNSELOR, 9L)),
                    StepSpec.named("director", Approver.of(Role.CENTER_DIRECTOR, null))));
            approvals.note(ProbeSubjects.NOTED, subject, request, "submitted", "SUBMITTED", "s1", null);
            return request;
        });
        CurrentUser counselor = ApprovalsIntegrationTest.acting(Role.COUNSELOR, 9L);
        CurrentUser director = ApprovalsIntegrationTest.acting(Role.CENTER_DIRECTOR, null);
        ApprovalDecided first = approvals.decide(counselor, id, true, null);
        assertThat(first.stepName()).isEqualTo("counselor");
        ApprovalDecided second = approvals.decide(director, id, false, "  材料不全 ");
        assertThat(second.stepName()).isEqualTo("director");
        assertThat(second.reason()).isEqualTo("材料不全");

        List<HistoryEntry> history = approvals.lifecycle(ProbeSubjects.NOTED, subject);
        assertThat(history).extracting(HistoryEntry::action)
                .containsExactly("submitted", "approved-here", "returned-here");
        assertThat(history).extracting(HistoryEntry::status).containsExactly("SUBMITTED", "DONE", "BACK");
        assertThat(history).extracting(HistoryEntry::stepName).containsExactly(null, "counselor", "director");
        assertThat(history).extracting(HistoryEntry::actor).containsExactly("s1", "counselor", "center_director");
        assertThat(history.get(2).reason()).isEqualTo("材料不全");
        assertThat(history).allSatisfy(h -> assertThat(h.at()).isNotNull());
        assertThat(approvals.lastReason(ProbeSubjects.NOTED, subject)).contains("材料不全");
        // the decision is recorded once: its history row refers to it and copies nothing
        assertThat(jdbc.sql("SELECT count(*) FROM apv_history WHERE subject_type = ? AND subject_id = ?"
                        + " AND decision_id IS NOT NULL AND actor IS NULL AND reason IS NULL AND at IS NULL")
                .params(ProbeSubjects.NOTED, subject).query(Long.class).single()).isEqualTo(2);
    }
}
