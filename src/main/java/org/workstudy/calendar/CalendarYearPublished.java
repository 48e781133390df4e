package org.workstudy.calendar;

import java.util.List;

/**
 * A calendar year's arrangement was entered (imported): the year is published. {@code before} are the special days
 * the year held while it was provisional, so that listeners can tell what the publication changed (hours re-checks
 * the records entered on its dates).
 */
public record CalendarYearPublished(int year, List<SpecialDay> before) {
}
