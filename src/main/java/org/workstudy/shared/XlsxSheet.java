package org.workstudy.shared;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.idev.excel.FastExcel;
import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.read.listener.ReadListener;
import cn.idev.excel.support.ExcelTypeEnum;

/**
 * Streams the first sheet of an uploaded .xlsx row by row (FastExcel reads it with SAX; the workbook is never held in
 * memory). The header row is the first of the top rows that holds the key column, so a title row above it does no
 * harm; columns are found by header name (the caller maps a header to its column, or to null to ignore it), in any
 * order. Each data row reaches the handler as column → trimmed text (blank cells left out) with the row number Excel
 * shows. Problems with the file itself come back as codes; each module words them in its own messages.
 */
public final class XlsxSheet {

    /** How many rows at the top may come before the header row. */
    private static final int HEADER_SEARCH_ROWS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(XlsxSheet.class);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    public enum Problem {
        UNREADABLE, EMPTY_FILE, XLS, NOT_XLSX, TOO_LARGE_UNPACKED, NO_DATA, COLUMN_MISSING, COLUMN_TWICE, TOO_MANY_ROWS;

        /** The problem as the end of a message key: {@code column-missing}. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** A problem with the file: {@code row} 0 and {@code column} null for the whole file. */
    public record FileProblem(Problem problem, int row, String column, Object arg) {
    }

    public interface RowHandler {
        void row(int excelRow, Map<String, String> cells);
    }

    private XlsxSheet() {
    }

    /**
     * Reads the sheet, passing every non-empty data row to the handler. When problems come back, the handler may have
     * seen only some rows and the caller must write nothing.
     */
    public static List<FileProblem> read(InputStream input, String keyColumn, Function<String, String> columnOf,
            List<String> required, int maxRows, RowHandler handler) {
        return read(input, null, keyColumn, columnOf, required, maxRows, handler);
    }

    /** As above, reading the sheet of that name ({@code null}: the first sheet). */
    public static List<FileProblem> read(InputStream input, String sheetName, String keyColumn,
            Function<String, String> columnOf, List<String> required, int maxRows, RowHandler handler) {
        BufferedInputStream in = new BufferedInputStream(input);
        List<FileProblem> problems = new ArrayList<>();
        byte[] magic;
        try {
            in.mark(8);
            magic = in.readNBytes(4);
            in.reset();
        } catch (IOException e) {
            return List.of(file(Problem.UNREADABLE, null));
        }
        if (magic.length == 0) {
            return List.of(file(Problem.EMPTY_FILE, null));
        }
        if (Arrays.equals(magic, OLE2)) {
            return List.of(file(Problem.XLS, null));
        }
        if (!Arrays.equals(magic, ZIP)) {
            return List.of(file(Problem.NOT_XLSX, null));
        }
        Listener listener = new Listener(keyColumn, columnOf, required, maxRows, handler, problems);
        try {
            var reader = FastExcel.read(in, listener).excelType(ExcelTypeEnum.XLSX).headRowNumber(0)
                    .autoCloseStream(false);
            (sheetName == null ? reader.sheet(0) : reader.sheet(sheetName)).doRead();
        } catch (RuntimeException e) {
            // A zip that is no workbook, a damaged or encrypted file. The contents are personal data, so only the
            // type of failure is logged.
            if (unpacksTooLarge(e)) {
                LOG.info("Upload refused: its .xlsx parts unpack beyond the reader's size or ratio limit");
                return List.of(file(Problem.TOO_LARGE_UNPACKED, null));
            }
            LOG.info("Upload is not a readable .xlsx: {}", e.getClass().getName());
            return List.of(file(Problem.NOT_XLSX, null));
        }
        if (problems.isEmpty() && !listener.headerFound) {
            if (listener.rowsBeforeHeader == 0) {
                problems.add(file(Problem.NO_DATA, null));
            } else {
                required.forEach(c -> problems.add(new FileProblem(Problem.COLUMN_MISSING, 0, c, c)));
            }
        } else if (problems.isEmpty() && listener.dataRows == 0) {
            problems.add(file(Problem.NO_DATA, null));
        }
        return problems;
    }

    /** The names of the workbook's sheets, in order; empty when the bytes are no readable .xlsx. */
    public static List<String> sheetNames(byte[] xlsx) {
        if (xlsx.length < 4 || !Arrays.equals(Arrays.copyOf(xlsx, 4), ZIP)) {
            return List.of();
        }
        try (var reader = FastExcel.read(new java.io.ByteArrayInputStream(xlsx)).excelType(ExcelTypeEnum.XLSX)
                .build()) {
            return reader.excelExecutor().sheetList().stream().map(s -> s.getSheetName()).toList();
        } catch (RuntimeException e) {
            LOG.info("Upload is not a readable .xlsx: {}", e.getClass().getName());
            return List.of();
        }
    }

    /**
     * Whether the reader (Apache POI underneath) stopped because a part would unpack too large or too many times its
     * packed size (a "zip bomb"): the file is a workbook, only too big to open safely. POI says so in its message.
     */
    private static boolean unpacksTooLarge(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("exceed the max size of the expanded data"))) {
                return true;
            }
        }
        return false;
    }

    /** A header cell as people write it: trimmed, without a required-mark or a note in brackets. */
    public static String headerName(String cell) {
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

    private static FileProblem file(Problem problem, Object arg) {
        return new FileProblem(problem, 0, null, arg);
    }

    private static final class Listener implements ReadListener<Map<Integer, String>> {

        private final String keyColumn;
        private final Function<String, String> columnOf;
        private final List<String> required;
        private final int maxRows;
        private final RowHandler handler;
        private final List<FileProblem> problems;
        private final Map<Integer, String> columnAt = new HashMap<>();
        private boolean headerFound;
        private int rowsBeforeHeader;
        private int dataRows;
        private boolean stop;

        Listener(String keyColumn, Function<String, String> columnOf, List<String> required, int maxRows,
                RowHandler handler, List<FileProblem> problems) {
            this.keyColumn = keyColumn;
            this.columnOf = columnOf;
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
                problems.add(file(Problem.TOO_MANY_ROWS, maxRows));
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
                        problems.add(new FileProblem(Problem.COLUMN_TWICE, excelRow, name, name));
                    }
                    columnAt.put(index, name);
                }
            });
            for (String column : required) {
                if (!seen.containsKey(column)) {
                    problems.add(new FileProblem(Problem.COLUMN_MISSING, excelRow, column, column));
                }
            }
            stop = !problems.isEmpty();
        }

        private String column(String cell) {
            return columnOf.apply(headerName(cell));
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
