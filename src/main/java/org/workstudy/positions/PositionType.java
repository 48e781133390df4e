package org.workstudy.positions;

/** Position types of the national and Fujian rules: fixed (a semester or a vacation), temporary, project. */
public enum PositionType {
    FIXED, TEMPORARY, PROJECT
}
