package org.workstudy.organization;

import java.util.List;

/**
 * One problem found in an uploaded roster: the row as Excel numbers it (0 for the whole file), the column header
 * ("" for the whole row or file), and a message key with its arguments.
 */
public record ImportError(int row, String column, String messageKey, List<Object> args) {

    public ImportError {
        column = column == null ? "" : column;
        args = List.copyOf(args);
    }

    static ImportError ofFile(String messageKey, Object... args) {
        return new ImportError(0, "", messageKey, List.of(args));
    }

    static ImportError of(int row, String column, String messageKey, Object... args) {
        return new ImportError(row, column, messageKey, List.of(args));
    }

    /** The arguments as an array, for message resolution ({@code #messages.msgWithParams}). */
    public Object[] argArray() {
        return args.toArray();
    }
}
