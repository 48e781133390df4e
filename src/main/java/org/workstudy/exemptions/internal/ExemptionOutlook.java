package org.workstudy.exemptions.internal;

import java.math.BigDecimal;
import java.util.List;

import org.workstudy.policy.PolicyVersion;
import org.workstudy.quality.QualityStanding;

/**
 * What a student's application page needs before they apply: their policy version (null when their cohort has
 * none), their quality-development credits, the credits a full offset needs, and why they cannot apply now
 * ({@code blockedKey} null when they can).
 */
public record ExemptionOutlook(PolicyVersion policy, QualityStanding quality, BigDecimal neededCredits,
        String blockedKey, List<Object> blockedArgs) {

    public ExemptionOutlook {
        blockedArgs = blockedArgs == null ? List.of() : List.copyOf(blockedArgs);
    }

    public boolean mayApply() {
        return blockedKey == null;
    }

    public Object[] blockedArgArray() {
        return blockedArgs.toArray();
    }
}
