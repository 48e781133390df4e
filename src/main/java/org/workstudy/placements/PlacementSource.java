package org.workstudy.placements;

/** How a student came to a position: their own accepted application, or arranged for them (统一安排). */
public enum PlacementSource {
    APPLICATION, ARRANGED
}
