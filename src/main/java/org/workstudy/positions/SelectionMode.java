package org.workstudy.positions;

/** How applicants become placed: the first to apply while places remain, or the employer chooses. */
public enum SelectionMode {
    FIRST_COME, EMPLOYER_CHOICE
}
