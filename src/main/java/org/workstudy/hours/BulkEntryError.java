package org.workstudy.hours;

import java.util.List;

/**
 * One problem of an uploaded hours file: the row as Excel numbers it (0 for the whole file), the column header (""
 * for the whole row or file), and a message key with its arguments.
 */
public record BulkEntryError(int row, String column, String messageKey, List<Object> args) {

    public BulkEntryError {
        column = column == null ? "" : column;
        args = args == null ? List.of() : List.copyOf(args);
    }

    static BulkEntryError ofFile(String messageKey, Object... args) {
        return new BulkEntryError(0, "", messageKey, List.of(args));
    }

    static BulkEntryError of(int row, String column, String messageKey, Object... args) {
        return new BulkEntryError(row, column, messageKey, List.of(args));
    }

    /** The arguments as an array, for message resolution ({@code #messages.msgWithParams}). */
    public Object[] argArray() {
        return args.toArray();
    }
}
