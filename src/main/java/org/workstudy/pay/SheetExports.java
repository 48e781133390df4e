package org.workstudy.pay;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StudentRow;
import org.workstudy.pay.internal.PayChecks;
import org.workstudy.pay.internal.PayTotal;
import org.workstudy.shared.BusinessException;

/** What leaves pay: a sheet for the finance office (.xlsx), and the frozen totals by college and funding source. */
@Component
class SheetExports {

    private final PayStore store;
    private final SheetViews views;
    private final Roster roster;
    private final AuditTrail audit;

    SheetExports(PayStore store, SheetViews views, Roster roster, AuditTrail audit) {
        this.store = store;
        this.views = views;
        this.roster = roster;
        this.audit = audit;
    }

    /** The sheet as the finance office imports it; full card numbers only for the center of a frozen sheet. */
    PaySheet export(CurrentUser user, long sheetId, OutputStream out) {
        PayStore.SheetRow s = views.readable(user, sheetId);
        PaySheet masked = views.view(s, false);
        boolean full = PayChecks.fullCards(user, masked);
        PaySheet sheet = full ? views.view(s, true) : masked;
        PayExport.write(sheet, out);
        audit.record(PaySheets.AUDIT, s.id(), full ? "export-full" : "export", Map.of("lines", sheet.lines().size()));
        return sheet;
    }

    /** Totals of the month's frozen sheets by college and funding source (the center and readers). */
    List<PayTotal> totals(CurrentUser user, YearMonth month) {
        if (!PayChecks.mayReadTotals(user)) {
            throw BusinessException.forbidden();
        }
        List<PayStore.LineRow> lines = store.frozenLinesOfMonth(month.atDay(1));
        Map<Long, Funding> funding = store.sheets(month.atDay(1), null).stream()
                .collect(Collectors.toMap(PayStore.SheetRow::id, PayStore.SheetRow::funding));
        Map<Long, StudentRow> students = roster.rows(lines.stream().map(PayStore.LineRow::studentId).toList());
        Map<List<Object>, BigDecimal[]> sums = new TreeMap<>(Comparator.comparing((List<Object> k) ->
                (String) k.get(0)).thenComparing(k -> ((Funding) k.get(1)).name()));
        for (PayStore.LineRow l : lines) {
            StudentRow st = students.get(l.studentId());
            List<Object> key = List.of(st == null ? "" : st.collegeName(), funding.get(l.sheetId()));
            BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(l.cappedHours());
            s[1] = s[1].add(l.amount());
        }
        return sums.entrySet().stream().map(e -> new PayTotal((String) e.getKey().get(0), (Funding) e.getKey().get(1),
                e.getValue()[0], e.getValue()[1])).toList();
    }

    /** The totals of frozen sheets for each month from {@code from} to {@code until} (statistics). */
    List<PaySheets.MonthTotal> figures(CurrentUser user, YearMonth from, YearMonth until) {
        List<PaySheets.MonthTotal> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(until); m = m.plusMonths(1)) {
            for (PayTotal t : totals(user, m)) {
                out.add(new PaySheets.MonthTotal(m, t.collegeName(), t.funding(), t.hours(), t.amount()));
            }
        }
        return out;
    }
}
