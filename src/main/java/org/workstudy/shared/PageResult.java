package org.workstudy.shared;

import java.util.List;

/** One page of a list, with what a pager needs. Pages are numbered from 0. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public long offset() {
        return (long) page * size;
    }

    public static int clampSize(int size) {
        return Math.max(1, Math.min(size, 200));
    }
}
