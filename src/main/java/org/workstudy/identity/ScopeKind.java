package org.workstudy.identity;

/** Over what a grant gives its role power: the whole school, one college, one class, one employer, or oneself. */
public enum ScopeKind {
    SCHOOL, COLLEGE, CLASS, EMPLOYER, SELF;

    public boolean needsId() {
        return this != SCHOOL;
    }
}
