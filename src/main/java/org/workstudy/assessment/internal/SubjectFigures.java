package org.workstudy.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * A subject's figures for a month (or, with {@code month} null, an academic year): whose, which college it belongs
 * to (a counselor: the college of most of their classes; the school: null), whether the figures are frozen, and one
 * {@link Figure} per metric that applies to the subject.
 */
public record SubjectFigures(SubjectKind kind, long subjectId, String name, Long collegeId, boolean frozen,
        List<Figure> figures) {

    public SubjectFigures {
        figures = List.copyOf(figures);
    }

    public Optional<Figure> figure(Metric metric) {
        return figures.stream().filter(f -> f.metric() == metric).findFirst();
    }

    /** The figure's percentage, or null when the metric does not apply or has nothing to measure. */
    public BigDecimal percent(Metric metric) {
        return figure(metric).map(Figure::percent).orElse(null);
    }

    /** The mean of the measured metrics' capped percentages (one decimal, half up); null when none is measured. */
    public BigDecimal score() {
        List<BigDecimal> measured = figures.stream().map(Figure::scorePercent).filter(p -> p != null).toList();
        if (measured.isEmpty()) {
            return null;
        }
        return measured.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(measured.size()), 1, RoundingMode.HALF_UP);
    }
}
