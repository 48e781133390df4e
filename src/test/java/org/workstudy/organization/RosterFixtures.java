package org.workstudy.organization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.idev.excel.FastExcel;

/** Test data of the roster tests: own colleges and classes with unique names, and real .xlsx files. */
public final class RosterFixtures {

    public static final List<String> STUDENT_HEADER = List.of("学号", "姓名", "性别", "班级", "入学学期", "学籍状态", "手机号",
            "身份证号");

    private RosterFixtures() {
    }

    /** A random suffix, so that tests sharing this run's database never collide. */
    public static String unique() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
    }

    /** A college with one major and the given number of classes; returns the class names. */
    public static List<String> classes(Organization organization, String suffix, int count) {
        long college = organization.saveCollege(null, "C" + suffix, "测试学院" + suffix, true);
        long major = organization.saveMajor(null, college, "M" + suffix, "测试专业" + suffix, true);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = "测试" + suffix + "班" + i;
            organization.saveClass(null, major, 2024, name, true);
            names.add(name);
        }
        return names;
    }

    static String collegeName(String suffix) {
        return "测试学院" + suffix;
    }

    /** An .xlsx with this header row and these rows, all cells as text (a null cell stays empty). */
    public static byte[] xlsx(List<String> header, List<? extends List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FastExcel.write(out).head(header.stream().map(List::of).toList()).sheet("名单").doWrite(rows);
        return out.toByteArray();
    }

    static InputStream in(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** The data rows of an .xlsx (after its header row), column index → text. */
    static List<Map<Integer, String>> read(byte[] xlsx) {
        return FastExcel.read(in(xlsx)).sheet().doReadSync();
    }

    /** The header row of an .xlsx. */
    static Map<Integer, String> header(byte[] xlsx) {
        List<Map<Integer, String>> rows = FastExcel.read(in(xlsx)).headRowNumber(0).sheet().doReadSync();
        return rows.get(0);
    }

    /** A valid ID-card number (real date, right check character) with the given 3-digit sequence. */
    public static String idCard(int sequence) {
        return org.workstudy.shared.IdCardNumber.withCheckChar("350203" + "20050101" + String.format("%03d", sequence % 1000));
    }

    /** A student row: number, name, gender, class, term, status, phone, ID card. */
    public static List<String> student(String no, String name, String className, String phone, String idCard) {
        return java.util.Arrays.asList(no, name, "女", className, "2024-2025-1", "在读", phone, idCard);
    }
}
