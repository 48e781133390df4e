package org.workstudy.assessment.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of a ranking: its place (equal scores share a place; none without a score), whose figures they are, the
 * score, whether the row is the viewer's own (their college, themselves), and each metric's figure.
 */
public record Ranked(Integer rank, SubjectKind kind, long subjectId, String name, Long collegeId, BigDecimal score,
        boolean own, List<Shown> figures) {

    public Ranked {
        figures = List.copyOf(figures);
    }

    /** A metric's figure as shown: numerator, denominator and the percentage (null: nothing to measure). */
    public record Shown(Metric metric, BigDecimal numerator, BigDecimal denominator, BigDecimal percent) {
    }

    /** The figure of a metric, or null when the metric does not apply to the row. */
    public Shown figure(Metric metric) {
        return figures.stream().filter(f -> f.metric() == metric).findFirst().orElse(null);
    }

    static Ranked of(Integer rank, SubjectFigures s, boolean own) {
        return new Ranked(rank, s.kind(), s.subjectId(), s.name(), s.collegeId(), s.score(), own,
                s.figures().stream().map(f -> new Shown(f.metric(), f.numerator(), f.denominator(), f.percent()))
                        .toList());
    }
}
