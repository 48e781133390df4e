package org.workstudy.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.identity.ScopeKind;

class ApprovalRulesTest {

    static CurrentUser user(Role active, Grant... grants) {
        return new CurrentUser(1, "u", "u", active, List.of(grants));
    }

    @Test
    void anApproverMustActInTheRoleAndHoldTheScope() {
        Approver counselorOf7 = Approver.of(Role.COUNSELOR, 7L);
        assertThat(Approvals.matches(user(Role.COUNSELOR, Grant.of(Role.COUNSELOR, 7L)), counselorOf7)).isTrue();
        assertThat(Approvals.matches(user(Role.COUNSELOR, Grant.of(Role.COUNSELOR, 8L)), counselorOf7)).isFalse();
        assertThat(Approvals.matches(user(Role.VICE_DEAN, Grant.of(Role.COUNSELOR, 7L), Grant.of(Role.VICE_DEAN, 7L)),
                counselorOf7)).as("holds the grant but acts in another role").isFalse();
        Approver director = Approver.of(Role.CENTER_DIRECTOR, null);
        assertThat(director.scopeKind()).isEqualTo(ScopeKind.SCHOOL);
        assertThat(Approvals.matches(user(Role.CENTER_DIRECTOR, Grant.school(Role.CENTER_DIRECTOR)), director))
                .isTrue();
    }

    @Test
    void aStepNeedsApproversOfDistinctRoles() {
        assertThatThrownBy(() -> StepSpec.named("two", Approver.of(Role.COUNSELOR, 1L),
                Approver.of(Role.COUNSELOR, 2L)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(StepSpec.named("joint", Approver.of(Role.ACADEMIC_AFFAIRS, null),
                Approver.of(Role.CENTER_DIRECTOR, null)).approvers()).hasSize(2);
        assertThatThrownBy(() -> StepSpec.named(" ", Approver.of(Role.COUNSELOR, 1L)))
                .as("a step has a name").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Approver(Role.COUNSELOR, ScopeKind.COLLEGE, 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
