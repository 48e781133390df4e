package org.workstudy.awards.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.workstudy.shared.Decimals;

/**
 * The eligibility rules, pure, in one place (the page writes each out). Thresholds are inclusive: exactly at the
 * threshold is eligible. Shares are compared exactly (on-track × 100 against threshold × students), shown rounded
 * down to one decimal.
 * <ul>
 * <li><b>student</b>: hours counted in the academic year ≥ X (or on track, when the version says so) and no penalty
 * in force on the evaluation day; just below: eligible but for a penalty, or at most {@code nearHours} short;</li>
 * <li><b>class</b> (its league branch): on-track share ≥ Y % and nobody in arrears past the window (the five
 * semesters over, not completed, or deferred); just below: at most {@code nearPercent} points short, or only
 * arrears lacking;</li>
 * <li><b>counselor</b>: on-track share of the students of their classes ≥ Z % and the share of confirmations decided
 * within the deadline ≥ W % (no confirmations to decide: met); just below: each lacking share at most
 * {@code nearPercent} points short.</li>
 * </ul>
 */
final class EligibilityRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private EligibilityRules() {
    }

    /** A penalty of the student: its category and the last day it is in force. */
    record Penalty(String category, LocalDate decidedOn, LocalDate validUntil) {

        /** In force on the day: from the day decided up to and including {@code validUntil}. */
        boolean inForce(LocalDate day) {
            return !day.isBefore(decidedOn) && !day.isAfter(validUntil);
        }
    }

    static Verdict student(ThresholdVersion t, BigDecimal yearHours, boolean onTrack, List<Penalty> penalties,
            LocalDate day) {
        List<Reason> met = new ArrayList<>();
        List<Reason> lacks = new ArrayList<>();
        boolean hoursMet = yearHours.compareTo(t.studentYearHours()) >= 0;
        boolean trackMet = t.studentOnTrackSuffices() && onTrack;
        boolean workMet = hoursMet || trackMet;
        BigDecimal short_ = t.studentYearHours().subtract(yearHours);
        if (hoursMet) {
            met.add(Reason.of("awards.reason.year-hours", plain(yearHours), plain(t.studentYearHours())));
        } else if (trackMet) {
            met.add(Reason.of("awards.reason.on-track", plain(yearHours)));
        } else {
            lacks.add(Reason.of("awards.lack.hours", plain(short_), plain(yearHours), plain(t.studentYearHours())));
        }
        Optional<Penalty> penalty = penalties.stream().filter(p -> p.inForce(day))
                .max(java.util.Comparator.comparing(Penalty::validUntil));
        if (penalty.isPresent()) {
            lacks.add(Reason.of("awards.lack.penalty", new org.springframework.context.support
                    .DefaultMessageSourceResolvable(new String[] {"awards.category." + penalty.get().category()},
                    penalty.get().category()), penalty.get().validUntil().toString()));
        } else {
            met.add(Reason.of("awards.reason.no-penalty"));
        }
        boolean eligible = workMet && penalty.isEmpty();
        boolean near = !eligible && (workMet || short_.compareTo(t.nearHours()) <= 0);
        return new Verdict(eligible, near, met, lacks);
    }

    /** A class (and its league branch): students counted (not withdrawn), on track, in arrears past the window. */
    static Verdict group(ThresholdVersion t, long students, long onTrack, long inArrears) {
        List<Reason> met = new ArrayList<>();
        List<Reason> lacks = new ArrayList<>();
        boolean shareMet = share(onTrack, students, t.classOnTrackPercent(), "awards.reason.class-share",
                "awards.lack.share", met, lacks);
        boolean arrearsMet = inArrears == 0;
        if (arrearsMet) {
            met.add(Reason.of("awards.reason.no-arrears"));
        } else {
            lacks.add(Reason.of("awards.lack.arrears", inArrears));
        }
        boolean eligible = shareMet && arrearsMet;
        boolean near = !eligible && (shareMet || within(onTrack, students, t.classOnTrackPercent(), t.nearPercent()));
        return new Verdict(eligible, near, met, lacks);
    }

    /** A counselor: their students counted and on track; confirmations decidable in the year and those in time. */
    static Verdict counselor(ThresholdVersion t, long students, long onTrack, long confirmations, long onTime) {
        List<Reason> met = new ArrayList<>();
        List<Reason> lacks = new ArrayList<>();
        boolean shareMet = share(onTrack, students, t.counselorOnTrackPercent(), "awards.reason.counselor-share",
                "awards.lack.share", met, lacks);
        boolean confirmMet;
        if (confirmations == 0) {
            confirmMet = true;
            met.add(Reason.of("awards.reason.no-confirmations", t.confirmDeadlineDays()));
        } else {
            confirmMet = reaches(onTime, confirmations, t.confirmOnTimePercent());
            Object[] args = {onTime, confirmations, percentText(onTime, confirmations), t.confirmDeadlineDays(),
                    plain(t.confirmOnTimePercent())};
            if (confirmMet) {
                met.add(Reason.of("awards.reason.confirmations", args));
            } else {
                lacks.add(Reason.of("awards.lack.confirmations", args));
            }
        }
        boolean eligible = shareMet && confirmMet;
        boolean near = !eligible
                && (shareMet || within(onTrack, students, t.counselorOnTrackPercent(), t.nearPercent()))
                && (confirmMet || within(onTime, confirmations, t.confirmOnTimePercent(), t.nearPercent()));
        return new Verdict(eligible, near, met, lacks);
    }

    /** Whether part/whole reaches the threshold (percent), exactly; adds the reason met or lacked. */
    private static boolean share(long part, long whole, BigDecimal threshold, String metKey, String lackKey,
            List<Reason> met, List<Reason> lacks) {
        boolean ok = reaches(part, whole, threshold);
        if (ok) {
            met.add(Reason.of(metKey, part, whole, percentText(part, whole), plain(threshold)));
        } else {
            lacks.add(Reason.of(lackKey, percentText(part, whole), missing(part, whole, threshold), plain(threshold)));
        }
        return ok;
    }

    static boolean reaches(long part, long whole, BigDecimal threshold) {
        return whole > 0 && HUNDRED.multiply(BigDecimal.valueOf(part))
                .compareTo(threshold.multiply(BigDecimal.valueOf(whole))) >= 0;
    }

    /** The people still needed to reach the threshold: ceil(threshold × whole / 100) − part (at least 0). */
    static long missing(long part, long whole, BigDecimal threshold) {
        long needed = threshold.multiply(BigDecimal.valueOf(whole)).divide(HUNDRED, 0, RoundingMode.CEILING)
                .longValueExact();
        return Math.max(0, needed - part);
    }

    /** Whether part/whole is at most {@code margin} points below the threshold. */
    private static boolean within(long part, long whole, BigDecimal threshold, BigDecimal margin) {
        return whole > 0 && reaches(part, whole, threshold.subtract(margin).max(BigDecimal.ZERO));
    }

    /** part/whole in percent, one decimal, rounded down ("78.5"); "0" of none. */
    static String percentText(long part, long whole) {
        if (whole <= 0) {
            return "0";
        }
        return plain(BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.DOWN));
    }

    private static String plain(BigDecimal n) {
        return Decimals.plain(n);
    }
}
