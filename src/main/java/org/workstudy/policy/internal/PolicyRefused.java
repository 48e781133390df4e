package org.workstudy.policy.internal;

import java.util.List;

import org.workstudy.shared.BusinessException;

/**
 * A new version that broke one or more rules: nothing was written. The message is the first problem's (so that
 * pages and problem details read well); every problem is listed.
 */
public class PolicyRefused extends BusinessException {

    private final transient List<PolicyProblem> problems;

    public PolicyRefused(List<PolicyProblem> problems) {
        super(422, problems.get(0).messageKey(), problems.get(0).args().toArray());
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
