package org.workstudy.placements;

/** A student was placed on a position (by application or arrangement). */
public record PlacementAccepted(long placementId, long positionId, long studentId, PlacementSource source) {
}
