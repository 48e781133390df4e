package org.workstudy.credits;

/** What a recognised credit rests on. */
public enum RecognitionBasis {
    /** The required hours, confirmed within the semester window. */
    HOURS,
    /** A final exemption. */
    EXEMPT,
    /** A final offset (with the rest worked, for a partial one). */
    OFFSET,
    /** Hours made up after deferred graduation. */
    MAKE_UP
}
