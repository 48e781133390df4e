package org.workstudy.hours.web;

import java.util.stream.Collectors;

import org.workstudy.hours.MonthHours;
import org.workstudy.hours.Progress;

/** The chart's series as comma-separated strings for {@code data-*} attributes (read by progress-chart.js). */
record ChartData(String months, String hours, String cumulative, String required) {

    static ChartData of(Progress p) {
        return new ChartData(
                p.byMonth().stream().map(m -> m.month().toString()).collect(Collectors.joining(",")),
                p.byMonth().stream().map(m -> m.hours().stripTrailingZeros().toPlainString())
                        .collect(Collectors.joining(",")),
                p.byMonth().stream().map(MonthHours::cumulative).map(h -> h.stripTrailingZeros().toPlainString())
                        .collect(Collectors.joining(",")),
                p.requiredHours().stripTrailingZeros().toPlainString());
    }
}
