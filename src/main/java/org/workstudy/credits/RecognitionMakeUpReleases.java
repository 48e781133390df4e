package org.workstudy.credits;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The make-up hook over the graduation audit's deferred list: students released once their make-up was done. */
@Component
class RecognitionMakeUpReleases implements RecognitionMakeUps {

    private final DeferralStore deferrals;

    RecognitionMakeUpReleases(DeferralStore deferrals) {
        this.deferrals = deferrals;
    }

    @Override
    public Set<Long> released(Collection<Long> studentIds) {
        return deferrals.ofStudents(studentIds).values().stream().filter(DeferralStanding::released)
                .map(DeferralStanding::studentId).collect(Collectors.toSet());
    }
}
