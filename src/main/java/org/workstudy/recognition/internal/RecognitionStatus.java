package org.workstudy.recognition.internal;

/**
 * Where a recognition list stands: waiting for both offices (SUBMITTED), returned by either with a reason
 * (RETURNED; the vice dean submits a new list), published as a public notice (IN_NOTICE), final with the credit
 * records written (FINAL).
 */
public enum RecognitionStatus {
    SUBMITTED, RETURNED, IN_NOTICE, FINAL;

    /** Whether its students are on it (and so off every new proposal). */
    public boolean live() {
        return this == SUBMITTED || this == IN_NOTICE;
    }
}
