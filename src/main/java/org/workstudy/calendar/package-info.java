/**
 * The academic calendar (校历): terms, their vacations, public holidays and make-up workdays (调休). It answers what
 * kind a date is ({@link org.workstudy.calendar.AcademicCalendar#kindOf}) and which semester of a student a date falls
 * in ({@link org.workstudy.calendar.AcademicCalendar#semesterOf}). The rules live in the pure
 * {@link org.workstudy.calendar.CalendarSnapshot}; the facade keeps a current snapshot in memory.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit", "web", "identity"})
package org.workstudy.calendar;
