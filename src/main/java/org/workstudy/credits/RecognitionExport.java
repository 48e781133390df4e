package org.workstudy.credits;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.DataScope;
import org.workstudy.shared.BusinessException;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;

/**
 * The registrar's export (.xlsx) of the final credit records of a cohort, for one college or (school-wide offices)
 * the whole school: 学号, 姓名, 学院, 专业, 班级, 课程, 学分, 认定学期, 认定日期, 认定依据, 学时. Streamed in batches.
 */
@Service
public class RecognitionExport {

    static final List<String> COLUMNS = List.of("recognition.col.student-no", "recognition.col.name",
            "recognition.col.college", "recognition.col.major", "recognition.col.class", "recognition.col.course",
            "recognition.col.credits", "recognition.col.term", "recognition.col.date", "recognition.col.basis",
            "recognition.col.hours");
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final MessageSource messages;

    RecognitionExport(JdbcClient jdbc, DataScope scope, MessageSource messages) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.messages = messages;
    }

    /** Checks the reader first (wrong role 403, another college 404, the whole school only school-wide). */
    public void requireAllowed(CurrentUser user, Long collegeId) {
        Recognitions.requireReader(user);
        if (collegeId == null) {
            if (!user.activeIsSchoolWide()) {
                throw BusinessException.forbidden();
            }
        } else {
            scope.requireCollege(user, collegeId);
        }
    }

    @Transactional(readOnly = true)
    public void write(CurrentUser user, Long collegeId, int cohort, Locale locale, OutputStream out) {
        requireAllowed(user, collegeId);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("cohort", cohort);
        String college = "";
        if (collegeId != null) {
            college = " AND c.college_id = :college";
            params.put("college", collegeId);
        }
        try (ExcelWriter writer = FastExcel.write(out).autoCloseStream(false)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(16)).build()) {
            WriteSheet sheet = FastExcel.writerSheet(0, msg(locale, "recognition.export.sheet")).needHead(false)
                    .build();
            List<List<Object>> rows = new ArrayList<>();
            rows.add(new ArrayList<>(COLUMNS.stream().map(k -> (Object) msg(locale, k)).toList()));
            try (var stream = jdbc.sql("SELECT s.student_no, s.name, g.name, m.name, c.name, r.course_name, r.credits,"
                            + " r.term_code, r.recognised_on, r.basis, r.hours FROM cr_credit_record r"
                            + " JOIN org_student s ON s.id = r.student_id JOIN org_class c ON c.id = s.class_id"
                            + " JOIN org_major m ON m.id = c.major_id JOIN org_college g ON g.id = c.college_id"
                            + " WHERE c.cohort = :cohort" + college + " ORDER BY g.code, c.name, s.student_no")
                    .params(params)
                    .query((rs, n) -> row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getString(8),
                            rs.getObject(9, java.time.LocalDate.class).toString(),
                            msg(locale, "recognition.basis." + rs.getString(10)), plain(rs.getBigDecimal(11))))
                    .stream()) {
                stream.forEach(r -> {
                    rows.add(r);
                    if (rows.size() >= BATCH) {
                        writer.write(rows, sheet);
                        rows.clear();
                    }
                });
            }
            writer.write(rows, sheet);
        }
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    private String msg(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }
}
