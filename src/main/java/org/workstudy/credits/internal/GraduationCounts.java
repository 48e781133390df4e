package org.workstudy.credits.internal;

import java.util.List;

/** Students per status of one group (the whole scope, a college or a class); {@code id} null for the whole scope. */
public record GraduationCounts(Long id, String name, long total, long completed, long exempt, long offset,
        long deficient, long deferred, long madeUp) {

    public long count(GraduationStatus status) {
        return switch (status) {
            case COMPLETED -> completed;
            case EXEMPT -> exempt;
            case OFFSET -> offset;
            case DEFICIENT -> deficient;
            case DEFERRED -> deferred;
            case MADE_UP -> madeUp;
        };
    }

    public static GraduationCounts of(Long id, String name, List<GraduationRow> rows) {
        long[] n = new long[GraduationStatus.values().length];
        rows.forEach(r -> n[r.status().ordinal()]++);
        return new GraduationCounts(id, name, rows.size(), n[0], n[1], n[2], n[3], n[4], n[5]);
    }
}
