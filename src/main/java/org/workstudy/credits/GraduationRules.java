package org.workstudy.credits;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.workstudy.credits.internal.GraduationStatus;

/**
 * The graduation audit's status of one student (DESIGN rule 12), as a pure function:
 * <ol>
 * <li>released from the deferred list: MADE_UP (with the date);</li>
 * <li>a credit record: as its basis says (an exemption EXEMPT, an offset OFFSET, hours COMPLETED), so that a recognised
 * exemption does not pass for work done;</li>
 * <li>counted hours within the semester window at least the required hours: COMPLETED;</li>
 * <li>a final exemption: EXEMPT;</li>
 * <li>a final offset whose hours plus the counted hours within the window reach the required hours: OFFSET;</li>
 * <li>on the deferred list: DEFERRED, missing what the window, the offset and the make-up hours still leave;</li>
 * <li>otherwise DEFICIENT, missing {@code required - offset - in-window hours}.</li>
 * </ol>
 * Hours counted outside the window count only as make-up (补修), and only for a deferred student.
 */
final class GraduationRules {

    private GraduationRules() {
    }

    /**
     * What the audit knows of a student. {@code recordBasis} (what a recognised credit rests on), {@code exemption} and
     * {@code deferral} are null when there is none.
     */
    public record Facts(BigDecimal requiredHours, BigDecimal inWindowHours, BigDecimal makeUpHours,
            RecognitionBasis recordBasis, ExemptionStanding exemption, DeferralStanding deferral) {
    }

    /**
     * The status with the hours still missing (zero unless DEFICIENT or DEFERRED), the make-up hours so far and,
     * for a deferred student, the deficit at deferral and the dates.
     */
    public record Verdict(GraduationStatus status, BigDecimal missingHours, BigDecimal makeUpHours,
            BigDecimal deficitHours, LocalDate deferredOn, LocalDate releasedOn) {
    }

    public static Verdict judge(Facts f) {
        DeferralStanding d = f.deferral();
        if (d != null && d.released()) {
            return verdict(GraduationStatus.MADE_UP, BigDecimal.ZERO, f, d);
        }
        GraduationStatus base = standing(f);
        BigDecimal missing = missing(f, false);
        if (base != GraduationStatus.DEFICIENT) {
            return verdict(base, BigDecimal.ZERO, f, d);
        }
        if (d != null) {
            return verdict(GraduationStatus.DEFERRED, missing(f, true), f, d);
        }
        return verdict(GraduationStatus.DEFICIENT, missing, f, null);
    }

    /**
     * Whether a deferred student has made up: with the make-up hours counted as worked, they would no longer be
     * deficient (or they meanwhile got an exemption, an offset or a credit record).
     */
    public static boolean madeUp(Facts f) {
        DeferralStanding d = f.deferral();
        return d != null && !d.released()
                && (missing(f, true).signum() == 0 || standing(f) != GraduationStatus.DEFICIENT);
    }

    private static GraduationStatus standing(Facts f) {
        if (f.recordBasis() == RecognitionBasis.EXEMPT) {
            return GraduationStatus.EXEMPT;
        }
        if (f.recordBasis() == RecognitionBasis.OFFSET) {
            return GraduationStatus.OFFSET;
        }
        if (f.recordBasis() != null || f.inWindowHours().compareTo(f.requiredHours()) >= 0) {
            return GraduationStatus.COMPLETED;
        }
        ExemptionStanding e = f.exemption();
        if (e != null && e.kind() == ExemptionKind.EXEMPT) {
            return GraduationStatus.EXEMPT;
        }
        if (e != null && e.kind() == ExemptionKind.OFFSET
                && offset(f).add(f.inWindowHours()).compareTo(f.requiredHours()) >= 0) {
            return GraduationStatus.OFFSET;
        }
        return GraduationStatus.DEFICIENT;
    }

    private static BigDecimal missing(Facts f, boolean withMakeUp) {
        BigDecimal have = offset(f).add(f.inWindowHours()).add(withMakeUp ? f.makeUpHours() : BigDecimal.ZERO);
        return f.requiredHours().subtract(have).max(BigDecimal.ZERO);
    }

    private static BigDecimal offset(Facts f) {
        ExemptionStanding e = f.exemption();
        return e != null && e.kind() == ExemptionKind.OFFSET && e.offsetHours() != null ? e.offsetHours()
                : BigDecimal.ZERO;
    }

    private static Verdict verdict(GraduationStatus status, BigDecimal missing, Facts f, DeferralStanding d) {
        return new Verdict(status, missing, f.makeUpHours(), d == null ? null : d.deficitHours(),
                d == null ? null : d.deferredOn(), d == null ? null : d.releasedOn());
    }
}
