package org.workstudy.pay;

/** DRAFT (recomputed whenever it is opened), CONFIRMED by the employer, FROZEN once the center approved it. */
public enum SheetStatus {
    DRAFT, CONFIRMED, FROZEN
}
