package org.workstudy.hours;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.read.listener.ReadListener;
import cn.idev.excel.support.ExcelTypeEnum;

/**
 * Streams the first sheet of an uploaded .xlsx row by row (FastExcel, SAX; the workbook is never held in memory).
 * The header row is the first of the top rows holding the key column; columns are found by header name (a column
 * may have aliases), in any order; unknown columns are ignored. Each data row reaches the handler as column name →
 * trimmed text (blank cells left out) with the row number Excel shows.
 */
final class BulkSheet {

    private static final int HEADER_SEARCH_ROWS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(BulkSheet.class);

    interface RowHandler {
        void row(int excelRow, Map<String, String> cells);
    }

    private BulkSheet() {
    }

    /**
     * Reads the sheet. Returns the problems with the file itself (empty, not an .xlsx, no data, missing columns, too
     * many rows); when there are any the caller must write nothing.
     */
    static List<BulkEntryError> read(InputStream input, String keyColumn, Map<String, String> aliases,
            List<String> required, int maxRows, RowHandler handler) {
        BufferedInputStream in = new BufferedInputStream(input);
        List<BulkEntryError> problems = new ArrayList<>();
        byte[] magic;
        try {
            in.mark(8);
            magic = in.readNBytes(4);
            in.reset();
        } catch (IOException e) {
            problems.add(BulkEntryError.ofFile("bulk.error.unreadable"));
            return problems;
        }
        if (magic.length == 0) {
            problems.add(BulkEntryError.ofFile("bulk.error.empty-file"));
            return problems;
        }
        if (Arrays.equals(magic, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) {
            problems.add(BulkEntryError.ofFile("bulk.error.xls"));
            return problems;
        }
        if (!Arrays.equals(magic, new byte[] {'P', 'K', 3, 4})) {
            problems.add(BulkEntryError.ofFile("bulk.error.not-xlsx"));
            return problems;
        }
        Listener listener = new Listener(keyColumn, aliases, required, maxRows, handler, problems);
        try {
            FastExcel.read(in, listener).excelType(ExcelTypeEnum.XLSX).headRowNumber(0).autoCloseStream(false)
                    .sheet(0).doRead();
        } catch (RuntimeException e) {
            LOG.info("Hours upload is not a readable .xlsx: {}", e.getClass().getName());
            problems.clear();
            problems.add(BulkEntryError.ofFile("bulk.error.not-xlsx"));
            return problems;
        }
        if (problems.isEmpty() && !listener.headerFound) {
            if (listener.rowsBeforeHeader == 0) {
                problems.add(BulkEntryError.ofFile("bulk.error.no-data"));
            } else {
                required.forEach(c -> problems.add(BulkEntryError.of(0, c, "bulk.error.column-missing", c)));
            }
        } else if (problems.isEmpty() && listener.dataRows == 0) {
            problems.add(BulkEntryError.ofFile("bulk.error.no-data"));
        }
        return problems;
    }

    /** A header cell as people write it: trimmed, without a required-mark or a note in brackets. */
    static String headerName(String cell) {
        if (cell == null) {
            return "";
        }
        String name = cell.strip().replace("*", "").replace("＊", "");
        for (String open : List.of("(", "（")) {
            int at = name.indexOf(open);
            if (at > 0) {
                name = name.substring(0, at);
            }
        }
        return name.strip();
    }

    private static final class Listener implements ReadListener<Map<Integer, String>> {

        private final String keyColumn;
        private final Map<String, String> aliases;
        private final List<String> required;
        private final int maxRows;
        private final RowHandler handler;
        private final List<BulkEntryError> problems;
        private final Map<Integer, String> columnAt = new HashMap<>();
        private boolean headerFound;
        private int rowsBeforeHeader;
        private int dataRows;
        private boolean stop;

        Listener(String keyColumn, Map<String, String> aliases, List<String> required, int maxRows,
                RowHandler handler, List<BulkEntryError> problems) {
            this.keyColumn = keyColumn;
            this.aliases = aliases;
            this.required = required;
            this.maxRows = maxRows;
            this.handler = handler;
            this.problems = problems;
        }

        @Override
        public void invoke(Map<Integer, String> row, AnalysisContext context) {
            int excelRow = context.readRowHolder().getRowIndex() + 1;
            if (!headerFound) {
                header(row, excelRow);
                return;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            columnAt.forEach((index, column) -> {
                String value = row.get(index);
                if (value != null && !value.isBlank()) {
                    cells.put(column, value.strip());
                }
            });
            if (cells.isEmpty()) {
                return;
            }
            if (++dataRows > maxRows) {
                problems.add(BulkEntryError.ofFile("bulk.error.too-many-rows", maxRows));
                stop = true;
                return;
            }
            handler.row(excelRow, cells);
        }

        private void header(Map<Integer, String> row, int excelRow) {
            if (row.values().stream().allMatch(v -> v == null || v.isBlank())) {
                return;
            }
            if (row.values().stream().noneMatch(v -> keyColumn.equals(column(v)))) {
                if (++rowsBeforeHeader >= HEADER_SEARCH_ROWS) {
                    stop = true;
                }
                return;
            }
            headerFound = true;
            Map<String, Integer> seen = new HashMap<>();
            row.forEach((index, cell) -> {
                String name = column(cell);
                if (name != null) {
                    if (seen.putIfAbsent(name, index) != null) {
                        problems.add(BulkEntryError.of(excelRow, name, "bulk.error.column-twice", name));
                    }
                    columnAt.put(index, name);
                }
            });
            for (String column : required) {
                if (!seen.containsKey(column)) {
                    problems.add(BulkEntryError.of(excelRow, column, "bulk.error.column-missing", column));
                }
            }
            stop = !problems.isEmpty();
        }

        private String column(String cell) {
            return aliases.get(headerName(cell));
        }

        @Override
        public boolean hasNext(AnalysisContext context) {
            return !stop;
        }

        @Override
        public void doAfterAllAnalysed(AnalysisContext context) {
            // the caller decides after reading
        }
    }
}
