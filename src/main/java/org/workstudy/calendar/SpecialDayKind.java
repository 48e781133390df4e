package org.workstudy.calendar;

/** A public holiday (放假) or a make-up workday (调休上班). */
public enum SpecialDayKind {
    HOLIDAY,
    MAKEUP_WORKDAY
}
