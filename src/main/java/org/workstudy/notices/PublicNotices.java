package org.workstudy.notices;

/**
 * Public notices (公示): a list published for N working days (calendar-aware) to the students and staff of its
 * scope, who may object with a reason while it runs; the deciding office answers; the list is final only when the
 * period has passed and no objection is open. What a notice's items become is up to their {@link NoticeOutcomes}.
 */
public interface PublicNotices {

    /**
     * Publishes the notice in the caller's transaction and tells the students listed; returns its id. The period
     * starts today if today is a working day, else on the next working day.
     */
    long publish(NoticeDraft draft);
}
