package org.workstudy.hours.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.workstudy.shared.RowError;
import org.workstudy.shared.XlsxSheet;

/**
 * A bulk hours upload read with the shared {@link XlsxSheet}: columns are found by their names or aliases, and file
 * problems are worded with the bulk entry's messages.
 */
final class BulkSheet {

    interface RowHandler extends XlsxSheet.RowHandler {
    }

    private BulkSheet() {
    }

    static List<RowError> read(InputStream input, String keyColumn, Map<String, String> aliases,
            List<String> required, int maxRows, RowHandler handler) {
        return XlsxSheet.read(input, keyColumn, aliases::get, required, maxRows, handler).stream()
                .map(p -> {
                    String key = "bulk.error." + p.problem().key();
                    if (p.column() != null) {
                        return RowError.of(p.row(), p.column(), key, p.arg());
                    }
                    return p.arg() == null ? RowError.ofFile(key) : RowError.ofFile(key, p.arg());
                })
                .toList();
    }
}
