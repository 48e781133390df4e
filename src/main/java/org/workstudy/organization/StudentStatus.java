package org.workstudy.organization;

/** 学籍状态. Only ACTIVE students can sign in and work. */
public enum StudentStatus {
    ACTIVE, SUSPENDED, WITHDRAWN, GRADUATED
}
