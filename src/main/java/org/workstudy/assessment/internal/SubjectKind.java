package org.workstudy.assessment.internal;

/** Whose figure: the whole school (the center's), a college (its vice dean's), a counselor (their classes), a class. */
public enum SubjectKind {
    SCHOOL, COLLEGE, COUNSELOR, CLASS
}
