package org.workstudy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;

/**
 * Generates a student roster .xlsx for measuring the import (see bench/roster-import/README.md). Not a test.
 *
 * <p>Arguments: rows (default 30000), comma-separated existing class names (default 示例班级), output file (default
 * target/roster-30000.xlsx), student-number prefix (default B + the current minute, so that runs do not collide).
 */
public final class RosterImportBench {


    private RosterImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        List<String> classes = List.of((args.length > 1 ? args[1] : "示例班级").split(","));
        Path out = Path.of(args.length > 2 ? args[2] : "target/roster-" + rows + ".xlsx");
        String prefix = args.length > 3 ? args[3] : "B" + (System.currentTimeMillis() / 60_000 % 100_000);
        Files.createDirectories(out.toAbsolutePath().getParent());
        long start = System.nanoTime();
        List<List<String>> head = List.of("学号", "姓名", "性别", "班级", "入学学期", "学籍状态", "手机号", "身份证号")
                .stream().map(List::of).toList();
        try (ExcelWriter writer = FastExcel.write(out.toFile()).head(head).build()) {
            WriteSheet sheet = FastExcel.writerSheet(0, "学生名单").build();
            List<List<String>> batch = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                String id = i % 4 == 0 ? null : idCard(i);
                batch.add(Arrays.asList(prefix + String.format("%06d", i), "测试学生" + i, i % 2 == 0 ? "男" : "女",
                        classes.get(i % classes.size()), "2024-2025-1", "在读", "139" + String.format("%08d", i), id));
                if (batch.size() == 1_000) {
                    writer.write(batch, sheet);
                    batch.clear();
                }
            }
            writer.write(batch, sheet);
        }
        System.out.printf("%d rows (%d KB) written to %s in %d ms; student numbers %s000000..%n", rows,
                Files.size(out) / 1024, out, (System.nanoTime() - start) / 1_000_000, prefix);
    }

    /** A valid resident ID number (born 2005-01-01 plus i mod 3000 days) with its check character. */
    private static String idCard(int i) {
        return org.workstudy.shared.IdCardNumber.withCheckChar("350203" + java.time.LocalDate.of(2005, 1, 1)
                .plusDays(i % 3000).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", i % 1000));
    }
}
