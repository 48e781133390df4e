package org.workstudy.pay;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.style.column.SimpleColumnWidthStyleStrategy;

/**
 * The pay sheet as a finance office imports it: one row per line with 学号, 姓名, 银行卡号, 工时, 单价, 金额 first (the
 * columns finance reads), then 学院, 岗位, 类型 (本月 / 补发调整 with the month corrected); a total row.
 */
final class PayExport {

    static final List<String> COLUMNS = List.of("学号", "姓名", "银行卡号", "工时", "单价", "金额", "学院", "岗位", "类型");

    private PayExport() {
    }

    static void write(PaySheet sheet, OutputStream out) {
        try (ExcelWriter writer = FastExcel.write(out).autoCloseStream(false)
                .head(COLUMNS.stream().map(List::of).toList())
                .registerWriteHandler(new SimpleColumnWidthStyleStrategy(18)).build()) {
            WriteSheet ws = FastExcel.writerSheet(0, sheet.monthText() + " 酬金").build();
            List<List<Object>> rows = new ArrayList<>();
            for (PaySheet.PayLine l : sheet.lines()) {
                rows.add(Arrays.asList(l.studentNo(), l.studentName(), l.bankCard(), l.paidHours(), l.rate(),
                        l.amount(), l.collegeName(), l.positionTitle(), "HOURS".equals(l.kind()) ? "本月"
                                : "补发调整（" + l.workMonth().toString().substring(0, 7) + "）"));
            }
            rows.add(Arrays.asList("合计", "", "", sheet.totalHours(), "", sheet.totalAmount(), "", "", ""));
            writer.write(rows, ws);
        }
    }
}
