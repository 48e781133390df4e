package org.workstudy.positions;

/** The school's position bank (kept by the center) or a college's. */
public enum BankKind {
    SCHOOL, COLLEGE
}
