package org.workstudy.awards.internal;

/**
 * A new threshold version as typed (text, so that what is not a number is refused naming its field); see
 * {@link ThresholdVersion} for what each number means. {@code studentOnTrackSuffices}: "true"/"on" or empty.
 */
public record ThresholdForm(String effectiveFrom, String studentYearHours, String studentOnTrackSuffices,
        String classOnTrackPercent, String counselorOnTrackPercent, String confirmDeadlineDays,
        String confirmOnTimePercent, String nearHours, String nearPercent, String note) {

    /** The form filled with a version's numbers (the page offers the newest one to change). */
    public static ThresholdForm copyOf(ThresholdVersion v, java.time.LocalDate from) {
        return new ThresholdForm(from.toString(), plain(v.studentYearHours()),
                String.valueOf(v.studentOnTrackSuffices()), plain(v.classOnTrackPercent()),
                plain(v.counselorOnTrackPercent()), String.valueOf(v.confirmDeadlineDays()),
                plain(v.confirmOnTimePercent()), plain(v.nearHours()), plain(v.nearPercent()), "");
    }

    private static String plain(java.math.BigDecimal n) {
        return org.workstudy.shared.Decimals.plain(n);
    }
}
