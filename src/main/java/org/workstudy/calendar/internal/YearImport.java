package org.workstudy.calendar.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.workstudy.shared.RowError;

/** A calendar year's arrangement entered from an .xlsx, for the calendar page (implemented in the module's root). */
public interface YearImport {

    /** What an import did: the problems (nothing written when there are any) or the days entered. */
    record Result(List<RowError> errors, int holidays, int makeUpWorkdays) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The template: one header row (日期, 类型, 名称) and the year's holidays known now, to start from. */
    void writeTemplate(int year, OutputStream out);

    /** Checks every row; when all are right, replaces the year's special days and publishes the year. */
    Result importYear(int year, InputStream file);
}
