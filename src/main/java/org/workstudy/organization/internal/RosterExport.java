package org.workstudy.organization.internal;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StudentQuery;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.Masking;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;

/**
 * Writes roster spreadsheets: the student list in the import format (so that an export, corrected, can serve as an
 * import of new students), and the empty templates. Written as a stream (FastExcel uses SXSSF), in batches.
 */
@Service
public class RosterExport {

    private static final int BATCH = 1_000;
    private static final int COLUMN_WIDTH = 20;

    private final Roster roster;

    RosterExport(Roster roster) {
        this.roster = roster;
    }

    /** Whether the user's active role may export students: staff roles (the data scope then filters the rows). */
    public static boolean mayExport(CurrentUser user) {
        return user.activeRole() != null && Role.staffRoles().contains(user.activeRole());
    }

    /**
     * Writes the students that match the query and that the user may see, in 学号 order. Phone and ID-card number are
     * masked unless the user acts as ADMIN.
     */
    @Transactional(readOnly = true)
    public void exportStudents(CurrentUser user, StudentQuery query, OutputStream out) {
        if (!mayExport(user)) {
            throw BusinessException.forbidden();
        }
        boolean full = user.acts(Role.ADMIN);
        try (ExcelWriter writer = writer(out, RosterLabels.STUDENT_COLUMNS)) {
            WriteSheet sheet = FastExcel.writerSheet(0, "学生名单").build();
            List<List<String>> batch = new ArrayList<>(BATCH);
            roster.forEach(user, query, s -> {
                batch.add(Arrays.asList(s.studentNo(), s.name(), RosterLabels.gender(s.gender()), s.className(),
                        s.enrolmentTerm(), RosterLabels.status(s.status()),
                        full ? s.phone() : Masking.phone(s.phone()), full ? s.idCardNo() : Masking.idCard(s.idCardNo())));
                if (batch.size() == BATCH) {
                    writer.write(batch, sheet);
                    batch.clear();
                }
            });
            writer.write(batch, sheet);
        }
    }

    /** The student import template: the header row and one clearly fictional example row. */
    public void writeStudentTemplate(OutputStream out) {
        try (ExcelWriter writer = writer(out, RosterLabels.STUDENT_COLUMNS)) {
            writer.write(List.of(Arrays.asList("2099000001", "示例学生（导入前请删除此行）", "男", "示例班级名称",
                    "2099-2100-1", "在读", "13800000000",
                    org.workstudy.shared.IdCardNumber.withCheckChar("11010520990101001"))),
                    FastExcel.writerSheet(0, "学生名单").build());
            // the optional 学籍异动 sheet: its header only (an empty sheet records nothing)
            writer.write(List.of(), FastExcel.writerSheet(1, StatusChangeSheet.SHEET)
                    .head(StatusChangeSheet.COLUMNS.stream().map(List::of).toList()).build());
        }
    }

    /** The staff import template: the header row and fictional example rows (a counselor and a vice dean). */
    public void writeStaffTemplate(OutputStream out) {
        template(out, "教职工名单", RosterLabels.STAFF_COLUMNS, List.of(
                Arrays.asList("T99001", "示例辅导员（导入前请删除此行）", "示例学院名称", "13800000000", "辅导员",
                        "示例班级一、示例班级二"),
                Arrays.asList("T99002", "示例副院长（导入前请删除此行）", "示例学院名称", "", "主管副院长、辅导员",
                        "示例班级三")));
    }

    private static void template(OutputStream out, String sheetName, List<String> columns, List<List<String>> rows) {
        try (ExcelWriter writer = writer(out, columns)) {
            writer.write(rows, FastExcel.writerSheet(0, sheetName).build());
        }
    }

    private static ExcelWriter writer(OutputStream out, List<String> columns) {
        return FastExcel.write(out).autoCloseStream(false)
                .head(columns.stream().map(List::of).toList())
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(COLUMN_WIDTH))
                .build();
    }
}
