package org.workstudy.statistics.internal;

import java.time.LocalDate;

/** A placement behind a figure, with its student and the facts of its position. */
public record PlacementLine(long placementId, long studentId, String studentNo, String name, String className,
        long positionId, String positionType, String bank, boolean onCampus, String employerName, LocalDate placedOn,
        boolean active) {
}
