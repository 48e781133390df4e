package org.workstudy.positions;

/** When the work of a position happens: always outside class time (DESIGN rule 4). */
public enum TimeKind {
    EVENING, WEEKEND, PUBLIC_HOLIDAY, WINTER_VACATION, SUMMER_VACATION
}
