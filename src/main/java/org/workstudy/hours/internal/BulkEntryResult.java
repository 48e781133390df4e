package org.workstudy.hours.internal;

import java.util.List;

import org.workstudy.shared.RowError;

/**
 * The outcome of a bulk entry: all or nothing. Either {@code recorded} records were written and there are no errors,
 * or nothing was written and {@code errors} lists the problems in row order (the first
 * {@value HoursBulkEntry#MAX_LISTED_ERRORS}; {@code unlistedErrors} counts the rest).
 */
public record BulkEntryResult(int recorded, List<RowError> errors, int unlistedErrors) {

    public BulkEntryResult {
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** The one problem of the file as a whole (not xlsx, empty...), if that is all there is. */
    public boolean fileProblem() {
        return errors.size() == 1 && errors.get(0).row() == 0 && unlistedErrors == 0;
    }

    static BulkEntryResult success(int recorded) {
        return new BulkEntryResult(recorded, List.of(), 0);
    }

    static BulkEntryResult failure(List<RowError> errors, int unlisted) {
        return new BulkEntryResult(0, errors, unlisted);
    }
}
