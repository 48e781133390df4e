package org.workstudy.credits;

/** 免修 (EXEMPT: the course is waived) or 抵扣 (OFFSET: quality-development credits stand in for hours). */
public enum ExemptionKind {
    EXEMPT, OFFSET
}
