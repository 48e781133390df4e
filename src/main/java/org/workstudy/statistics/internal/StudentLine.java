package org.workstudy.statistics.internal;

import java.math.BigDecimal;

/**
 * A student behind a figure: where they are (names from organization, personal data not shown) and the summary
 * statistics hold for them. {@code cellHours} are the hours of the figure's cell when the list is about hours.
 */
public record StudentLine(long studentId, String studentNo, String name, String collegeName, String className,
        int cohort, BigDecimal requiredHours, BigDecimal countedHours, BigDecimal expectedHours, boolean completed,
        boolean onTrack, boolean atRisk, String exemption, boolean recognised, String deferral,
        BigDecimal cellHours) {
}
