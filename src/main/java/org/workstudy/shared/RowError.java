package org.workstudy.shared;

import java.util.List;

/**
 * One problem of an uploaded spreadsheet (roster, hours, quality credits): the row as Excel numbers it (0 for the
 * whole file), the column header ("" for the whole row or file), and a message key with its arguments.
 */
public record RowError(int row, String column, String messageKey, List<Object> args) {

    public RowError {
        column = column == null ? "" : column;
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static RowError ofFile(String messageKey, Object... args) {
        return new RowError(0, "", messageKey, List.of(args));
    }

    public static RowError of(int row, String column, String messageKey, Object... args) {
        return new RowError(row, column, messageKey, List.of(args));
    }

    /** The arguments as an array, for message resolution ({@code #messages.msgWithParams}). */
    public Object[] argArray() {
        return args.toArray();
    }
}
