package org.workstudy.placements;

import java.time.Instant;
import java.util.Optional;

import org.workstudy.organization.StudentStatus;
import org.workstudy.positions.PositionView;

/**
 * Whether a student may apply for a position now. Each refusal is a message key naming the rule, so that the page
 * and the API can say why.
 */
final class ApplyPolicy {

    private ApplyPolicy() {
    }

    static Optional<String> refusal(PositionView position, StudentStatus studentStatus, long collegeId, int cohort,
            Instant now, int openApplications, int maxOpen) {
        if (studentStatus != StudentStatus.ACTIVE) {
            return Optional.of("placements.refused.not-enrolled");
        }
        if (!position.openAt(now)) {
            return Optional.of(now.isBefore(position.opensAt() == null ? Instant.MAX : position.opensAt())
                    ? "placements.refused.not-yet-open" : "placements.refused.closed");
        }
        if (!position.admits(collegeId, cohort)) {
            return Optional.of("placements.refused.not-eligible");
        }
        if (openApplications >= maxOpen) {
            return Optional.of("placements.refused.too-many-open");
        }
        return Optional.empty();
    }
}
