package org.workstudy.organization.internal;

import java.io.InputStream;
import java.util.List;

import org.workstudy.shared.RowError;
import org.workstudy.shared.XlsxSheet.Problem;
import org.workstudy.shared.XlsxSheet;

/**
 * A roster upload read with the shared {@link XlsxSheet}: the key column is 学号 or 工号, the columns are the
 * roster's own, and file problems are worded with the roster's messages.
 */
final class RosterSheet {

    interface RowHandler extends XlsxSheet.RowHandler {
    }

    private RosterSheet() {
    }

    static List<RowError> read(InputStream input, String keyColumn, List<String> columns, List<String> required,
            int maxRows, RowHandler handler) {
        return read(input, null, keyColumn, columns, required, maxRows, handler);
    }

    /** As above, reading the sheet of that name (null: the first). */
    static List<RowError> read(InputStream input, String sheet, String keyColumn, List<String> columns,
            List<String> required, int maxRows, RowHandler handler) {
        return XlsxSheet.read(input, sheet, keyColumn, name -> columns.contains(name) ? name : null, required, maxRows,
                        handler).stream()
                .map(p -> {
                    // An empty file reads to the user as "no data", like a sheet with only a header.
                    Problem problem = p.problem() == Problem.EMPTY_FILE ? Problem.NO_DATA : p.problem();
                    String key = "roster.import." + problem.key();
                    if (p.column() != null) {
                        return RowError.of(p.row(), p.column(), key, p.arg());
                    }
                    return p.arg() == null ? RowError.ofFile(key) : RowError.ofFile(key, p.arg());
                })
                .toList();
    }

}
