package org.workstudy.organization;

import java.util.List;

import org.workstudy.organization.internal.RosterImport;
import org.workstudy.shared.RowError;

/**
 * The outcome of a roster import: all or nothing. Either {@code imported} rows were written and there are no errors,
 * or nothing was written and {@code errors} lists the problems (the first {@value RosterImport#MAX_LISTED_ERRORS};
 * {@code unlistedErrors} counts the rest). A staff import also hands back the activation codes of the new accounts.
 */
public record ImportResult(int imported, List<RowError> errors, int unlistedErrors,
        List<ActivationSlip> activationCodes, int statusChanges) {

    public ImportResult {
        errors = List.copyOf(errors);
        activationCodes = List.copyOf(activationCodes);
    }

    public ImportResult(int imported, List<RowError> errors, int unlistedErrors,
            List<ActivationSlip> activationCodes) {
        this(imported, errors, unlistedErrors, activationCodes, 0);
    }

    public ImportResult(int imported, List<RowError> errors, int unlistedErrors) {
        this(imported, errors, unlistedErrors, List.of());
    }

    /** Students imported with the status changes (学籍异动) of the workbook's 异动 sheet. */
    public static ImportResult success(int imported, int statusChanges) {
        return new ImportResult(imported, List.of(), 0, List.of(), statusChanges);
    }

    public static ImportResult success(int imported) {
        return new ImportResult(imported, List.of(), 0);
    }

    /** Imported staff with the activation codes issued to them, to be shown once to the importing administrator. */
    public static ImportResult success(List<ActivationSlip> codes) {
        return new ImportResult(codes.size(), List.of(), 0, codes);
    }

    public static ImportResult failure(List<RowError> errors, int unlistedErrors) {
        return new ImportResult(0, errors, unlistedErrors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
