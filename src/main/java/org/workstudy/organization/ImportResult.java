package org.workstudy.organization;

import java.util.List;

import org.workstudy.shared.RowError;

/**
 * The outcome of a roster import: all or nothing. Either {@code imported} rows were written and there are no errors,
 * or nothing was written and {@code errors} lists the problems (the first {@value RosterImport#MAX_LISTED_ERRORS};
 * {@code unlistedErrors} counts the rest).
 */
public record ImportResult(int imported, List<RowError> errors, int unlistedErrors) {

    public ImportResult {
        errors = List.copyOf(errors);
    }

    static ImportResult success(int imported) {
        return new ImportResult(imported, List.of(), 0);
    }

    static ImportResult failure(List<RowError> errors, int unlistedErrors) {
        return new ImportResult(0, errors, unlistedErrors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
