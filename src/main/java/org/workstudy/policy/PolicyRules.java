package org.workstudy.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.workstudy.policy.internal.PolicyForm;
import org.workstudy.policy.internal.PolicyProblem;

/**
 * The checks of a new policy version, as a pure function (no database): every field present and in a sane range,
 * and the first cohort later than the newest version's first cohort and than every cohort that has enrolled —
 * because a cohort keeps the version it enrolled under and a new version applies to later cohorts only.
 */
final class PolicyRules {

    private PolicyRules() {
    }

    /**
     * What is already fixed when a version is created: the newest version's first cohort and the last cohort that
     * has enrolled (0 when none).
     */
    record Opening(int newestFrom, int lastEnrolled) {

        /** The earliest cohort a new version may start at. */
        int earliest() {
            return Math.max(newestFrom, lastEnrolled) + 1;
        }
    }

    static List<PolicyProblem> problems(PolicyForm f, Opening opening) {
        List<PolicyProblem> out = new ArrayList<>();
        text(out, "name", f.name(), 100, true);
        if (f.fromCohort() == null) {
            out.add(required("fromCohort"));
        } else if (f.fromCohort() < 2000 || f.fromCohort() > 2100) {
            out.add(range("fromCohort", 2000, 2100));
        } else if (f.fromCohort() <= opening.newestFrom()) {
            out.add(new PolicyProblem("fromCohort", "policy.error.cohort-not-after-newest",
                    List.of(f.fromCohort(), opening.newestFrom(), opening.earliest())));
        } else if (f.fromCohort() <= opening.lastEnrolled()) {
            out.add(new PolicyProblem("fromCohort", "policy.error.cohort-enrolled",
                    List.of(f.fromCohort(), opening.lastEnrolled(), opening.earliest())));
        }
        text(out, "courseName", f.courseName(), 100, true);
        number(out, "credits", f.credits(), "0.5", "20", 1);
        number(out, "requiredHours", f.requiredHours(), "1", "2000", 2);
        number(out, "hoursPerDay", f.hoursPerDay(), "0.5", "24", 2);
        whole(out, "semesterWindow", f.semesterWindow(), 1, 12);
        text(out, "homeCity", f.homeCity(), 50, true);
        number(out, "offsetHoursPerCredit", f.offsetHoursPerCredit(), "1", "2000", 2);
        if (f.offsetHoursPerCredit() != null && f.requiredHours() != null && f.requiredHours().signum() > 0
                && f.offsetHoursPerCredit().compareTo(f.requiredHours()) > 0) {
            out.add(new PolicyProblem("offsetHoursPerCredit", "policy.error.offset-above-required",
                    List.of(f.offsetHoursPerCredit(), f.requiredHours())));
        }
        if (f.partialOffsetAllowed() == null) {
            out.add(required("partialOffsetAllowed"));
        }
        whole(out, "noticeWorkingDays", f.noticeWorkingDays(), 1, 30);
        if (f.eveningFrom() == null) {
            out.add(required("eveningFrom"));
        }
        number(out, "capDayHours", f.capDayHours(), "0.5", "24", 2);
        number(out, "capTermWeekHours", f.capTermWeekHours(), "0.5", "168", 2);
        number(out, "capTermMonthHours", f.capTermMonthHours(), "0.5", "744", 2);
        text(out, "note", f.note(), 500, false);
        return out;
    }

    static DefaultMessageSourceResolvable label(String field) {
        return new DefaultMessageSourceResolvable("policy.field." + field);
    }

    private static PolicyProblem required(String field) {
        return new PolicyProblem(field, "policy.error.required", List.of(label(field)));
    }

    private static PolicyProblem range(String field, Object min, Object max) {
        return new PolicyProblem(field, "policy.error.range", List.of(label(field), min, max));
    }

    private static void text(List<PolicyProblem> out, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                out.add(required(field));
            }
        } else if (value.strip().length() > max) {
            out.add(new PolicyProblem(field, "policy.error.too-long", List.of(label(field), max)));
        }
    }

    private static void number(List<PolicyProblem> out, String field, BigDecimal value, String min, String max,
            int scale) {
        if (value == null) {
            out.add(required(field));
        } else if (value.compareTo(new BigDecimal(min)) < 0 || value.compareTo(new BigDecimal(max)) > 0) {
            out.add(range(field, new BigDecimal(min), new BigDecimal(max)));
        } else if (value.stripTrailingZeros().scale() > scale) {
            out.add(new PolicyProblem(field, "policy.error.scale", List.of(label(field), scale)));
        }
    }

    private static void whole(List<PolicyProblem> out, String field, Integer value, int min, int max) {
        if (value == null) {
            out.add(required(field));
        } else if (value < min || value > max) {
            out.add(range(field, min, max));
        }
    }
}
