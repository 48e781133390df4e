package org.workstudy.recognition.internal;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;
import org.workstudy.credits.CreditRecord;
import org.workstudy.credits.CreditRecords;
import org.workstudy.organization.DataScope;
import org.workstudy.shared.BusinessException;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import java.util.Comparator;
import java.util.HashMap;
import org.workstudy.organization.Major;
import org.workstudy.organization.StudentQuery;
import org.workstudy.organization.StudentRow;
import org.workstudy.shared.Decimals;

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

    private final CreditRecords creditRecords;
    private final DataScope scope;
    private final Roster roster;
    private final Organization organization;
    private final MessageSource messages;

    RecognitionExport(CreditRecords creditRecords, DataScope scope, Roster roster, Organization organization,
            MessageSource messages) {
        this.creditRecords = creditRecords;
        this.scope = scope;
        this.roster = roster;
        this.organization = organization;
        this.messages = messages;
    }

    /** Checks the reader first (wrong role 403, another college 404, the whole school only school-wide). */
    public void requireAllowed(CurrentUser user, Long collegeId) {
        RecognitionReaders.require(user);
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
        List<CreditRecord> records = creditRecords.of(scope.condition(user,
                new StudentQuery(null, collegeId, null, cohort, null), "student_id"));
        Map<Long, StudentRow> students = roster.rows(records.stream().map(CreditRecord::studentId)
                .toList());
        Map<Long, String> collegeCodes = new HashMap<>();
        organization.colleges().forEach(c -> collegeCodes.put(c.id(), c.code()));
        Map<Long, String> majors = new HashMap<>();
        Comparator<CreditRecord> order = Comparator
                .comparing((CreditRecord r) -> collegeCodes.get(students.get(r.studentId()).collegeId()))
                .thenComparing(r -> students.get(r.studentId()).className())
                .thenComparing(r -> students.get(r.studentId()).studentNo());
        try (ExcelWriter writer = FastExcel.write(out).autoCloseStream(false)
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(16)).build()) {
            WriteSheet sheet = FastExcel.writerSheet(0, msg(locale, "recognition.export.sheet")).needHead(false)
                    .build();
            List<List<Object>> rows = new ArrayList<>();
            rows.add(new ArrayList<>(COLUMNS.stream().map(k -> (Object) msg(locale, k)).toList()));
            for (CreditRecord r : records.stream().sorted(order).toList()) {
                StudentRow s = students.get(r.studentId());
                rows.add(row(s.studentNo(), s.name(), s.collegeName(), majors.computeIfAbsent(s.classId(),
                        this::majorName), s.className(), r.courseName(), r.credits(), r.termCode(),
                        r.recognisedOn().toString(), msg(locale, "recognition.basis." + r.basis()), Decimals.stripped(r.hours())));
                if (rows.size() >= BATCH) {
                    writer.write(rows, sheet);
                    rows.clear();
                }
            }
            writer.write(rows, sheet);
        }
    }

    private String majorName(long classId) {
        return organization.schoolClass(classId).flatMap(c -> organization.major(c.majorId())).map(Major::name)
                .orElse("");
    }

    private static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    private String msg(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }
}
