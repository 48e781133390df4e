package org.workstudy.organization;

public enum Gender {
    MALE, FEMALE
}
