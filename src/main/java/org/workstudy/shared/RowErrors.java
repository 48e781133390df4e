package org.workstudy.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems found in an uploaded spreadsheet while it is read: every one counted, the first {@code maxListed} kept
 * to show. A file of 50,000 bad rows must not make a page of 50,000 lines; the user sees the first ones in row order
 * and how many more there are.
 */
public final class RowErrors {

    private final int maxListed;
    private final List<RowError> listed = new ArrayList<>();
    private int count;

    public RowErrors(int maxListed) {
        this.maxListed = maxListed;
    }

    public void add(RowError error) {
        count++;
        if (listed.size() < maxListed) {
            listed.add(error);
        }
    }

    public int count() {
        return count;
    }

    public boolean any() {
        return count > 0;
    }

    /** The kept problems, in row order. */
    public List<RowError> inRowOrder() {
        List<RowError> sorted = new ArrayList<>(listed);
        sorted.sort(Comparator.comparingInt(RowError::row));
        return sorted;
    }

    /** How many problems were counted but not kept. */
    public int unlisted() {
        return count - listed.size();
    }
}
