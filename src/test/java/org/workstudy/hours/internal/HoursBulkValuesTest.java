package org.workstudy.hours.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.workstudy.hours.SourceKind;
import org.workstudy.shared.RowError;

/** Reading the cells of an hours file as people and Excel write them. */
class HoursBulkValuesTest {

    @Test
    void datesAreReadInTheUsualWritings() {
        LocalDate d = LocalDate.of(2026, 7, 20);
        for (String s : List.of("2026-07-20", "2026-7-20", "2026/7/20", "2026.07.20", "20260720", "2026年7月20日",
                "2026-07-20 00:00:00", "46223", "46223.0")) {
            assertThat(BulkValues.date(s)).as(s).contains(d);
        }
        for (String s : List.of("2026-13-01", "2026-02-30", "7/20/2026", "明天", "12345")) {
            assertThat(BulkValues.date(s)).as(s).isEmpty();
        }
    }

    @Test
    void timesAreReadAsClockTimesOrExcelDayFractions() {
        assertThat(BulkValues.time("9:00")).contains(LocalTime.of(9, 0));
        assertThat(BulkValues.time("09:30:00")).contains(LocalTime.of(9, 30));
        assertThat(BulkValues.time("18：45")).contains(LocalTime.of(18, 45));
        assertThat(BulkValues.time("0.375")).contains(LocalTime.of(9, 0));
        assertThat(BulkValues.time("1899-12-31 14:00:00")).contains(LocalTime.of(14, 0));
        for (String s : List.of("25:00", "9点", "12:60", "24:00", "abc")) {
            assertThat(BulkValues.time(s)).as(s).isEmpty();
        }
    }

    @Test
    void hoursAndSourceCodes() {
        assertThat(BulkValues.hours("2.5")).contains(new BigDecimal("2.5"));
        assertThat(BulkValues.hours("3小时")).contains(new BigDecimal("3"));
        assertThat(BulkValues.hours("三")).isEmpty();
        assertThat(BulkValues.source("P12")).contains(new BulkValues.SourceRef(SourceKind.PLACEMENT, 12));
        assertThat(BulkValues.source("s 7")).contains(new BulkValues.SourceRef(SourceKind.SELF_ARRANGED, 7));
        assertThat(BulkValues.source("图书馆")).isEmpty();
    }

    @Test
    void realExcelDateAndTimeCellsAreRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("工时登记");
            Row head = sheet.createRow(0);
            List<String> columns = HoursBulkEntry.COLUMNS;
            for (int i = 0; i < columns.size(); i++) {
                head.createCell(i).setCellValue(columns.get(i));
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            CellStyle time = wb.createCellStyle();
            time.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("h:mm"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("R001");
            row.createCell(2).setCellValue(LocalDate.of(2026, 7, 20));
            row.getCell(2).setCellStyle(date);
            row.createCell(3).setCellValue(9.0 / 24);
            row.getCell(3).setCellStyle(time);
            row.createCell(4).setCellValue(11.5 / 24);
            row.getCell(4).setCellStyle(time);
            row.createCell(5).setCellValue(2.5);
            row.createCell(7).setCellValue("整理图书");
            wb.write(out);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        List<RowError> problems = BulkSheet.read(new ByteArrayInputStream(out.toByteArray()),
                HoursBulkEntry.STUDENT_NO, Map.of("学号", "学号", "日期", "日期", "开始时间", "开始时间", "结束时间", "结束时间",
                        "工时", "工时", "工作内容", "工作内容"), HoursBulkEntry.REQUIRED, 10, (r, cells) -> rows.add(cells));
        assertThat(problems).isEmpty();
        assertThat(rows).hasSize(1);
        Map<String, String> cells = rows.get(0);
        assertThat(BulkValues.date(cells.get("日期"))).as(cells.get("日期")).contains(LocalDate.of(2026, 7, 20));
        assertThat(BulkValues.time(cells.get("开始时间"))).as(cells.get("开始时间")).contains(LocalTime.of(9, 0));
        assertThat(BulkValues.time(cells.get("结束时间"))).as(cells.get("结束时间")).contains(LocalTime.of(11, 30));
        assertThat(BulkValues.hours(cells.get("工时"))).contains(new BigDecimal("2.5"));
    }

    @Test
    void fileProblemsAreNamed() {
        assertThat(BulkSheet.read(new ByteArrayInputStream(new byte[0]), "学号", Map.of(), List.of(), 10,
                (r, c) -> { })).extracting(RowError::messageKey).containsExactly("bulk.error.empty-file");
        assertThat(BulkSheet.read(new ByteArrayInputStream("学号,日期\n1,2".getBytes()), "学号", Map.of(), List.of(), 10,
                (r, c) -> { })).extracting(RowError::messageKey).containsExactly("bulk.error.not-xlsx");
        assertThat(BulkSheet.read(new ByteArrayInputStream(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0}),
                "学号", Map.of(), List.of(), 10, (r, c) -> { })).extracting(RowError::messageKey)
                .containsExactly("bulk.error.xls");
        assertThat(BulkSheet.read(new ByteArrayInputStream(new byte[] {'P', 'K', 3, 4, 1, 2, 3}), "学号", Map.of(),
                List.of(), 10, (r, c) -> { })).extracting(RowError::messageKey)
                .containsExactly("bulk.error.not-xlsx");
    }

    @Test
    void ruleProblemsLandInTheirColumn() {
        assertThat(HoursBulkEntry.columnOf("hours.rule.overlap")).isEqualTo("开始时间");
        assertThat(HoursBulkEntry.columnOf("hours.rule.day-cap")).isEqualTo("工时");
        assertThat(HoursBulkEntry.columnOf("hours.rule.hours-exceed-times")).isEqualTo("工时");
        assertThat(HoursBulkEntry.columnOf("hours.rule.weekday-needs-evening-position")).isEqualTo("日期");
        assertThat(HoursBulkEntry.columnOf("hours.rule.placement-ended")).isEqualTo("来源编号");
        assertThat(HoursBulkEntry.columnOf("hours.content-required")).isEqualTo("工作内容");
    }
}
