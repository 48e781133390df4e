package org.workstudy.hours;

/** What a work record is for: a placement on a position (source id = placement id) or self-arranged work. */
public enum SourceKind {
    /** Source id is the placement id ({@code PlacementView.id}). */
    PLACEMENT,
    /** Source id is the self-arranged registration id ({@code SelfArrangedView.id}). */
    SELF_ARRANGED
}
