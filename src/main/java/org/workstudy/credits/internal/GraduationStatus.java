package org.workstudy.credits.internal;

/**
 * A student's standing in the graduation audit (毕业审核): done by hours (COMPLETED), exempt (EXEMPT), offset with
 * the rest worked (OFFSET) — a credit record by what it rests on —, short of hours (DEFICIENT); once on the deferred
 * list (暂缓毕业) DEFERRED while making up (补修), MADE_UP once released.
 */
public enum GraduationStatus {
    COMPLETED, EXEMPT, OFFSET, DEFICIENT, DEFERRED, MADE_UP
}
