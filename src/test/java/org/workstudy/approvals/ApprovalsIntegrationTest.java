package org.workstudy.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

@IntegrationTest
class ApprovalsIntegrationTest {

    @Autowired
    Approvals approvals;
    @Autowired
    Fixtures school;

    static CurrentUser acting(Role role, Long scope) {
        return new CurrentUser(0, role.name().toLowerCase(), role.name(), role, List.of(Grant.of(role, scope)));
    }

    @Test
    void aJointStepNeedsEveryApproverAndThenTheNextStepBegins() {
        long subject = Fixtures.next();
        long id = school.inTransaction(() -> approvals.open("test-joint", subject, List.of(
                StepSpec.named("joint", Approver.of(Role.ACADEMIC_AFFAIRS, null),
                        Approver.of(Role.CENTER_DIRECTOR, null)),
                StepSpec.named("vice-dean", Approver.of(Role.VICE_DEAN, 5L)))));
        CurrentUser academic = acting(Role.ACADEMIC_AFFAIRS, null);
        CurrentUser director = acting(Role.CENTER_DIRECTOR, null);
        CurrentUser viceDean = acting(Role.VICE_DEAN, 5L);

        assertThat(approvals.pendingFor(academic, "test-joint")).extracting(PendingApproval::requestId).contains(id);
        assertThat(approvals.pendingFor(viceDean, "test-joint")).extracting(PendingApproval::requestId)
                .doesNotContain(id);
        assertThatThrownBy(() -> approvals.decide(viceDean, id, true, null))
                .hasMessageContaining("approvals.not-current-step");

        ApprovalDecided first = approvals.decide(academic, id, true, null);
        assertThat(first.finished()).isFalse();
        assertThat(approvals.find(id).orElseThrow().currentStep()).isEqualTo(1);
        assertThatThrownBy(() -> approvals.decide(academic, id, true, null))
                .hasMessageContaining("approvals.already-decided");
        approvals.decide(director, id, true, "同意");
        assertThat(approvals.find(id).orElseThrow().currentStep()).isEqualTo(2);
        assertThat(approvals.pendingFor(viceDean, "test-joint")).extracting(PendingApproval::requestId).contains(id);
        assertThatThrownBy(() -> approvals.decide(acting(Role.VICE_DEAN, 6L), id, true, null))
                .hasMessageContaining("error.not-found");

        ApprovalDecided last = approvals.decide(viceDean, id, true, null);
        assertThat(last.finished()).isTrue();
        assertThat(last.step()).isEqualTo(2);
        assertThat(last.stepName()).isEqualTo("vice-dean");
        assertThat(approvals.find(id).orElseThrow().steps()).extracting(StepSpec::name)
                .containsExactly("joint", "vice-dean");
        assertThat(approvals.find(id).orElseThrow().outcome()).isEqualTo(ApprovalOutcome.APPROVED);
        assertThat(approvals.history(id)).extracting(DecisionView::role)
                .containsExactly(Role.ACADEMIC_AFFAIRS, Role.CENTER_DIRECTOR, Role.VICE_DEAN);
        assertThatThrownBy(() -> approvals.decide(viceDean, id, false, "晚了")).hasMessageContaining("approvals.closed");
    }

    @Test
    void aReturnEndsTheRequestAndNeedsAReason() {
        long subject = Fixtures.next();
        long id = school.inTransaction(() -> approvals.open("test-return", subject,
                List.of(StepSpec.named("counselor", Approver.of(Role.COUNSELOR, 9L)))));
        CurrentUser counselor = acting(Role.COUNSELOR, 9L);
        assertThatThrownBy(() -> approvals.decide(counselor, id, false, null))
                .hasMessageContaining("approvals.reason-required");
        assertThat(approvals.history(id)).isEmpty();
        ApprovalDecided returned = approvals.decide(counselor, id, false, "材料不全");
        assertThat(returned.finished()).isTrue();
        assertThat(returned.approved()).isFalse();
        assertThat(approvals.find(id).orElseThrow().outcome()).isEqualTo(ApprovalOutcome.RETURNED);
        assertThat(approvals.pendingFor(counselor, "test-return")).isEmpty();
    }
}
