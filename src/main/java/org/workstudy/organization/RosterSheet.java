package org.workstudy.organization;

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
 * Streams the first sheet of an uploaded .xlsx (FastExcel reads it with SAX, row by row; the workbook is never held
 * in memory). The header row is the first of the top rows that holds the key column (学号 or 工号), so a title row
 * above it does no harm; columns are found by header name, in any order, and unknown columns are ignored. Each data
 * row reaches the handler as column name → trimmed text (absent or blank cells are missing from the map) with its
 * row number as Excel shows it.
 */
final class RosterSheet {

    /** How many rows at the top may come before the header row. */
    private static final int HEADER_SEARCH_ROWS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(RosterSheet.class);

    interface RowHandler {
        void row(int excelRow, Map<String, String> cells);
    }

    private RosterSheet() {
    }

    /**
     * Reads the sheet, passing every non-empty data row to the handler. Returns the problems with the file itself
     * (not an .xlsx, no data, missing columns, too many rows); when there are any, the handler may have seen only
     * some rows and the caller must write nothing.
     */
    static List<ImportError> read(InputStream input, String keyColumn, List<String> columns, List<String> required,
            int maxRows, RowHandler handler) {
        BufferedInputStream in = new BufferedInputStream(input);
        List<ImportError> problems = new ArrayList<>();
        byte[] magic;
        try {
            in.mark(8);
            magic = in.readNBytes(4);
            in.reset();
        } catch (IOException e) {
            problems.add(ImportError.ofFile("roster.import.unreadable"));
            return problems;
        }
        if (magic.length == 0) {
            problems.add(ImportError.ofFile("roster.import.no-data"));
            return problems;
        }
        if (Arrays.equals(magic, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})) {
            problems.add(ImportError.ofFile("roster.import.xls"));
            return problems;
        }
        if (!Arrays.equals(magic, new byte[] {'P', 'K', 3, 4})) {
            problems.add(ImportError.ofFile("roster.import.not-xlsx"));
            return problems;
        }
        Listener listener = new Listener(keyColumn, columns, required, maxRows, handler, problems);
        try {
            FastExcel.read(in, listener).excelType(ExcelTypeEnum.XLSX).headRowNumber(0).autoCloseStream(false)
                    .sheet(0).doRead();
        } catch (RuntimeException e) {
            // POI or FastExcel could not read it: a zip that is no workbook, a damaged or encrypted file. The
            // contents are personal data, so only the type of failure is logged.
            LOG.info("Roster upload is not a readable .xlsx: {}", e.getClass().getName());
            problems.clear();
            problems.add(ImportError.ofFile("roster.import.not-xlsx"));
            return problems;
        }
        if (problems.isEmpty() && !listener.headerFound) {
            if (listener.rowsBeforeHeader == 0) {
                problems.add(ImportError.ofFile("roster.import.no-data"));
            } else {
                required.forEach(c -> problems.add(ImportError.of(0, c, "roster.import.column-missing", c)));
            }
        } else if (problems.isEmpty() && listener.dataRows == 0) {
            problems.add(ImportError.ofFile("roster.import.no-data"));
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
        private final List<String> columns;
        private final List<String> required;
        private final int maxRows;
        private final RowHandler handler;
        private final List<ImportError> problems;
        private final Map<Integer, String> columnAt = new HashMap<>();
        private boolean headerFound;
        private int rowsBeforeHeader;
        private int dataRows;
        private boolean stop;

        Listener(String keyColumn, List<String> columns, List<String> required, int maxRows, RowHandler handler,
                List<ImportError> problems) {
            this.keyColumn = keyColumn;
            this.columns = columns;
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
                problems.add(ImportError.ofFile("roster.import.too-many-rows", maxRows));
                stop = true;
                return;
            }
            handler.row(excelRow, cells);
        }

        private void header(Map<Integer, String> row, int excelRow) {
            boolean blank = row.values().stream().allMatch(v -> v == null || v.isBlank());
            if (blank) {
                return;
            }
            if (row.values().stream().noneMatch(v -> keyColumn.equals(headerName(v)))) {
                if (++rowsBeforeHeader >= HEADER_SEARCH_ROWS) {
                    stop = true;
                }
                return;
            }
            headerFound = true;
            Map<String, Integer> seen = new HashMap<>();
            row.forEach((index, cell) -> {
                String name = headerName(cell);
                if (columns.contains(name)) {
                    if (seen.putIfAbsent(name, index) != null) {
                        problems.add(ImportError.of(excelRow, name, "roster.import.column-twice", name));
                    }
                    columnAt.put(index, name);
                }
            });
            for (String column : required) {
                if (!seen.containsKey(column)) {
                    problems.add(ImportError.of(excelRow, column, "roster.import.column-missing", column));
                }
            }
            stop = !problems.isEmpty();
        }

        @Override
        public boolean hasNext(AnalysisContext context) {
            return !stop;
        }

        @Override
        public void doAfterAllAnalysed(AnalysisContext context) {
            // nothing: the caller decides after reading
        }
    }
}
