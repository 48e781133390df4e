package org.workstudy.pay;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.calendar.AcademicCalendar;
import org.workstudy.calendar.Term;
import org.workstudy.hours.CountingSettings;
import org.workstudy.hours.HoursLedger;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.Roster;
import org.workstudy.organization.Student;
import org.workstudy.organization.StudentRow;
import org.workstudy.positions.Employer;
import org.workstudy.positions.Employers;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionQuery;
import org.workstudy.positions.PositionView;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;

/**
 * Month-end pay sheets. Who: an EMPLOYER opens and confirms their own sheets; the center (CENTER_STAFF,
 * CENTER_DIRECTOR) prepares, approves (freezes) or returns them and exports them for the finance office with full card
 * numbers; ADMIN and LEADER read. Another employer's sheet is "not found". A STUDENT sees their own frozen lines and
 * keeps their bank card. Everything written is in the audit trail.
 */
@Service
public class PaySheets {

    static final String AUDIT = "pay-sheet";
    private static final Set<Role> CENTER = EnumSet.of(Role.CENTER_STAFF, Role.CENTER_DIRECTOR);
    private static final Set<Role> READERS = EnumSet.of(Role.CENTER_STAFF, Role.CENTER_DIRECTOR, Role.ADMIN,
            Role.LEADER);
    /** How far back a month's changes still become adjustments. */
    private static final int ADJUST_MONTHS = 12;

    private final PayStore store;
    private final HoursLedger ledger;
    private final PositionBank positions;
    private final Employers employers;
    private final Roster roster;
    private final AcademicCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;
    private final BigDecimal minHourly;

    PaySheets(PayStore store, HoursLedger ledger, PositionBank positions, Employers employers, Roster roster,
            AcademicCalendar calendar, AuditTrail audit, Clock clock,
            @Value("${workstudy.pay.min-hourly:15}") BigDecimal minHourly) {
        this.store = store;
        this.ledger = ledger;
        this.positions = positions;
        this.employers = employers;
        this.roster = roster;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
        this.minHourly = minHourly;
    }

    public static boolean mayRead(CurrentUser user) {
        return user.acts(Role.EMPLOYER) || READERS.contains(user.activeRole());
    }

    public static boolean isCenter(CurrentUser user) {
        return CENTER.contains(user.activeRole());
    }

    /** Refuses (403) whoever may not do this, before anything they sent is read. */
    public static void require(boolean allowed) {
        if (!allowed) {
            throw BusinessException.forbidden();
        }
    }

    /** May open (prepare) sheets: an employer their own, the center anyone's. */
    public static boolean mayOpen(CurrentUser user) {
        return user.acts(Role.EMPLOYER) || isCenter(user);
    }

    /** May read the school's totals. */
    public static boolean mayReadTotals(CurrentUser user) {
        return READERS.contains(user.activeRole());
    }

    /** "2026-11" → the month; refused naming {@code month} otherwise. */
    public static YearMonth month(String text) {
        try {
            YearMonth m = YearMonth.parse(text == null ? "" : text.strip());
            if (m.getYear() < 2000 || m.getYear() > 2100) {
                throw BusinessException.invalid("pay.month.invalid").field("month");
            }
            return m;
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid("pay.month.invalid").field("month");
        }
    }

    /** The month whose sheets are due now: the previous calendar month. */
    public YearMonth dueMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    // ================================================================== terms of fixed positions

    /** A fixed position's monthly terms, if set. */
    public record MonthlyTerms(long positionId, String title, String employerName, BigDecimal hourlyPay,
            BigDecimal monthlyAmount, BigDecimal monthlyHours) {
    }

    /** The fixed positions the user manages, with their monthly terms. */
    @Transactional(readOnly = true)
    public List<MonthlyTerms> fixedPositions(CurrentUser user) {
        List<PositionView> list = managedPositions(user).stream().filter(p -> "FIXED".equals(p.type())).toList();
        Map<Long, PayStore.Terms> terms = store.terms(list.stream().map(PositionView::id).toList());
        return list.stream().map(p -> {
            PayStore.Terms t = terms.get(p.id());
            return new MonthlyTerms(p.id(), p.title(), p.employerName(), p.hourlyPay(), t == null ? null : t.monthlyAmount(),
                    t == null ? null : t.monthlyHours());
        }).toList();
    }

    /**
     * Sets a fixed position's monthly amount for its monthly hour quota. The amount must pay at least the minimum
     * hourly wage for each hour of the quota ({@code workstudy.pay.min-hourly}).
     */
    @Transactional
    public void setTerms(CurrentUser user, long positionId, BigDecimal monthlyAmount, BigDecimal monthlyHours) {
        if (!(user.acts(Role.EMPLOYER) || isCenter(user) || user.acts(Role.ADMIN))
                || !positions.mayManage(user, positionId)) {
            throw BusinessException.notFound("error.not-found");
        }
        PositionView p = positions.find(positionId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (monthlyHours == null || monthlyHours.signum() <= 0 || monthlyHours.compareTo(BigDecimal.valueOf(744)) > 0
                || monthlyHours.scale() > 2) {
            throw BusinessException.invalid("pay.terms.hours").field("monthlyHours");
        }
        if (monthlyAmount == null || monthlyAmount.signum() <= 0 || monthlyAmount.scale() > 2
                || monthlyAmount.compareTo(new BigDecimal("99999999")) > 0) {
            throw BusinessException.invalid("pay.terms.amount").field("monthlyAmount");
        }
        if (!"FIXED".equals(p.type())) {
            throw BusinessException.invalid("pay.terms.fixed-only");
        }
        BigDecimal floor = PayRules.fen(minHourly.multiply(monthlyHours));
        if (monthlyAmount.compareTo(floor) < 0) {
            throw BusinessException.invalid("pay.terms.below-minimum", floor.toPlainString(), minHourly.toPlainString())
                    .field("monthlyAmount");
        }
        store.saveTerms(positionId, monthlyAmount, monthlyHours, user.username(), clock.instant());
        audit.record(AUDIT, "terms-" + positionId, "terms", Map.of("position", positionId, "amount", monthlyAmount,
                "hours", monthlyHours));
    }

    // ================================================================== sheets

    /** The month's sheets the user may read (an employer's own; the center's: all). */
    @Transactional(readOnly = true)
    public List<PaySheet> sheets(CurrentUser user, YearMonth month) {
        requireReader(user);
        return store.sheets(month.atDay(1), user.acts(Role.EMPLOYER) ? user.activeScopeIds() : null).stream()
                .map(s -> view(s, false)).toList();
    }

    /** Opens the month's sheet of an employer (made as a draft if there is none), computed anew while a draft. */
    @Transactional
    public long open(CurrentUser user, long employerId, YearMonth month) {
        requireReader(user);
        if (user.acts(Role.EMPLOYER) ? !user.activeScopeIds().contains(employerId) : !isCenter(user)) {
            throw BusinessException.notFound("error.not-found");
        }
        Employer e = employers.find(employerId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (!month.isBefore(YearMonth.now(clock).plusMonths(1))) {
            throw BusinessException.invalid("pay.month.future").field("month");
        }
        long id = store.createSheet(e.id(), month.atDay(1), e.onCampus() ? Funding.SCHOOL_FUND : Funding.EMPLOYER,
                clock.instant());
        recompute(store.lockSheet(id).orElseThrow());
        return id;
    }

    /** The center prepares the month's sheets of every employer whose positions have counted hours; how many. */
    @Transactional
    public int prepareAll(CurrentUser user, YearMonth month) {
        if (!isCenter(user)) {
            throw BusinessException.forbidden();
        }
        Map<Long, List<Long>> byEmployer = allPositions().stream().collect(Collectors.groupingBy(
                PositionView::employerId, Collectors.mapping(PositionView::id, Collectors.toList())));
        Set<Long> withHours = ledger.countedOnPositions(byEmployer.values().stream().flatMap(List::stream).toList(),
                month.atDay(1), month.plusMonths(1).atDay(1)).stream().map(HoursLedger.PositionDay::positionId)
                .collect(Collectors.toSet());
        int n = 0;
        for (Map.Entry<Long, List<Long>> e : byEmployer.entrySet()) {
            if (e.getValue().stream().anyMatch(withHours::contains)) {
                open(user, e.getKey(), month);
                n++;
            }
        }
        return n;
    }

    @Transactional
    public PaySheet sheet(CurrentUser user, long sheetId) {
        PayStore.SheetRow s = readable(user, sheetId);
        if (s.status() == SheetStatus.DRAFT) {
            recompute(store.lockSheet(sheetId).orElseThrow());
        }
        return view(store.sheet(sheetId).orElseThrow(), false);
    }

    /** The employer confirms the draft as computed now; it is no longer recomputed. */
    @Transactional
    public void confirm(CurrentUser user, long sheetId) {
        PayStore.SheetRow s = readable(user, sheetId);
        if (!user.acts(Role.EMPLOYER)) {
            throw BusinessException.forbidden();
        }
        s = store.lockSheet(s.id()).orElseThrow();
        if (s.status() != SheetStatus.DRAFT) {
            throw BusinessException.conflict("pay.sheet.not-draft");
        }
        recompute(s);
        store.setStatus(s.id(), SheetStatus.CONFIRMED, user.username(), clock.instant());
        audit.record(AUDIT, s.id(), "confirm", Map.of("employer", s.employerId(), "month", s.month().toString()));
    }

    /** The center approves a confirmed sheet: it is frozen for good. */
    @Transactional
    public void approve(CurrentUser user, long sheetId) {
        PayStore.SheetRow s = centerSheet(user, sheetId);
        if (s.status() != SheetStatus.CONFIRMED) {
            throw BusinessException.conflict("pay.sheet.not-confirmed");
        }
        store.setStatus(s.id(), SheetStatus.FROZEN, user.username(), clock.instant());
        audit.record(AUDIT, s.id(), "freeze", Map.of("employer", s.employerId(), "month", s.month().toString()));
    }

    /** The center returns a confirmed sheet to the employer (a draft again), with a reason. */
    @Transactional
    public void returnToEmployer(CurrentUser user, long sheetId, String reason) {
        PayStore.SheetRow s = centerSheet(user, sheetId);
        String why = reason == null ? "" : TextLimits.require("reason", reason.strip(), 500);
        if (why.isEmpty()) {
            throw BusinessException.invalid("pay.sheet.reason-required").field("reason");
        }
        if (s.status() != SheetStatus.CONFIRMED) {
            throw BusinessException.conflict("pay.sheet.not-confirmed");
        }
        store.setStatus(s.id(), SheetStatus.DRAFT, user.username(), clock.instant());
        audit.record(AUDIT, s.id(), "return", Map.of("reason", why));
    }

    /** Whether this user's export shows full card numbers: the center (its finance section), of a frozen sheet. */
    public static boolean fullCards(CurrentUser user, PaySheet sheet) {
        return isCenter(user) && sheet.status() == SheetStatus.FROZEN;
    }

    /** The sheet as the finance office imports it (.xlsx); full card numbers only for the center of a frozen sheet. */
    @Transactional
    public PaySheet export(CurrentUser user, long sheetId, OutputStream out) {
        PayStore.SheetRow s = readable(user, sheetId);
        PaySheet masked = view(s, false);
        boolean full = fullCards(user, masked);
        PaySheet sheet = full ? view(s, true) : masked;
        PayExport.write(sheet, out);
        audit.record(AUDIT, s.id(), full ? "export-full" : "export", Map.of("lines", sheet.lines().size()));
        return sheet;
    }

    /** Totals of the month's frozen sheets by college and funding source (the center and readers). */
    public record PayTotal(String collegeName, Funding funding, BigDecimal hours, BigDecimal amount) {
    }

    @Transactional(readOnly = true)
    public List<PayTotal> totals(CurrentUser user, YearMonth month) {
        if (!READERS.contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
        List<PayStore.LineRow> lines = store.frozenLinesOfMonth(month.atDay(1));
        Map<Long, Funding> funding = store.sheets(month.atDay(1), null).stream()
                .collect(Collectors.toMap(PayStore.SheetRow::id, PayStore.SheetRow::funding));
        Map<Long, StudentRow> students = roster.rows(lines.stream().map(PayStore.LineRow::studentId).toList());
        Map<List<Object>, BigDecimal[]> sums = new TreeMap<>(java.util.Comparator.comparing((List<Object> k) ->
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

    /** A month's totals of frozen sheets by college and funding source (statistics). */
    public record MonthTotal(YearMonth month, String collegeName, Funding funding, BigDecimal hours,
            BigDecimal amount) {
    }

    /** The totals of frozen sheets for each month from {@code from} to {@code until}, by college and funding source (statistics). */
    @Transactional(readOnly = true)
    public List<MonthTotal> figures(CurrentUser user, YearMonth from, YearMonth until) {
        List<MonthTotal> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(until); m = m.plusMonths(1)) {
            for (PayTotal t : totals(user, m)) {
                out.add(new MonthTotal(m, t.collegeName(), t.funding(), t.hours(), t.amount()));
            }
        }
        return out;
    }

    // ================================================================== students

    /** A student's pay: their frozen lines (newest month first) and their card, masked. */
    public record MyPay(String bankName, String maskedCard, List<PaySheet.PayLine> lines) {
    }

    @Transactional(readOnly = true)
    public MyPay mine(CurrentUser user) {
        Student s = self(user);
        PayStore.Card card = store.cards(List.of(s.id())).get(s.id());
        List<PayStore.LineRow> rows = store.frozenLinesOf(s.id());
        return new MyPay(card == null ? null : card.bankName(), card == null ? null : maskCard(card.cardNo()),
                lines(rows, false));
    }

    /** The student enters their own bank card (digits, 12–19 of them; spaces allowed). */
    @Transactional
    public void saveCard(CurrentUser user, String bankName, String cardNo) {
        Student s = self(user);
        String bank = bankName == null ? "" : TextLimits.require("bankName", bankName.strip(), 100);
        if (bank.isEmpty()) {
            throw BusinessException.invalid("pay.card.bank-required").field("bankName");
        }
        String digits = cardNo == null ? "" : cardNo.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{12,19}")) {
            throw BusinessException.invalid("pay.card.invalid").field("cardNo");
        }
        store.saveCard(s.id(), bank, digits, clock.instant());
        // the trail says that the card changed, never its number
        audit.record(AUDIT, "card-" + s.id(), "card", Map.of("student", s.id(), "card", maskCard(digits)));
    }

    /** 6222 **** **** 1234: the first four and the last four digits. */
    static String maskCard(String digits) {
        if (digits == null || digits.length() < 8) {
            return digits == null ? null : "****";
        }
        return digits.substring(0, 4) + " **** **** " + digits.substring(digits.length() - 4);
    }

    // ================================================================== computing

    /** Recomputes a draft's lines: the month's hours, and adjustments of frozen earlier months. */
    private void recompute(PayStore.SheetRow s) {
        if (s.status() != SheetStatus.DRAFT) {
            return;
        }
        List<PositionView> ofEmployer = positionsOf(s.employerId());
        Map<Long, PositionView> byId = ofEmployer.stream().collect(Collectors.toMap(PositionView::id,
                Function.identity()));
        Map<Long, PayStore.Terms> terms = store.terms(byId.keySet());
        Predicate<LocalDate> termTime = termTime(calendar.terms());
        List<PayStore.LineRow> lines = new ArrayList<>(compute(s.month(), "HOURS", byId, terms, termTime));
        LocalDate month = s.month();
        for (LocalDate earlier : store.frozenMonths(s.employerId(), s.funding(), month.minusMonths(ADJUST_MONTHS),
                month)) {
            Map<List<Long>, PayStore.LineRow> now = new LinkedHashMap<>();
            compute(earlier, "ADJUSTMENT", byId, terms, termTime)
                    .forEach(l -> now.put(List.of(l.studentId(), l.positionId()), l));
            Map<List<Long>, BigDecimal[]> paid = new HashMap<>();
            for (PayStore.LineRow l : store.paidFor(s.employerId(), s.funding(), earlier, s.id())) {
                BigDecimal[] p = paid.computeIfAbsent(List.of(l.studentId(), l.positionId()),
                        k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                p[0] = p[0].add(l.hours());
                p[1] = p[1].add(l.cappedHours());
                p[2] = p[2].add(l.amount());
            }
            Set<List<Long>> keys = new java.util.LinkedHashSet<>(now.keySet());
            keys.addAll(paid.keySet());
            for (List<Long> k : keys) {
                PayStore.LineRow n = now.get(k);
                BigDecimal[] p = paid.getOrDefault(k, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO});
                BigDecimal amount = (n == null ? BigDecimal.ZERO : n.amount()).subtract(p[2]);
                BigDecimal hours = (n == null ? BigDecimal.ZERO : n.hours()).subtract(p[0]);
                BigDecimal capped = (n == null ? BigDecimal.ZERO : n.cappedHours()).subtract(p[1]);
                if (amount.signum() != 0 || capped.signum() != 0) {
                    PositionView pos = byId.get(k.get(1));
                    lines.add(new PayStore.LineRow(0, s.id(), "ADJUSTMENT", earlier, k.get(0), k.get(1), hours,
                            capped, n != null ? n.rate() : pos == null ? BigDecimal.ZERO : pos.hourlyPay(), amount,
                            n != null ? n.basis() : "HOURLY"));
                }
            }
        }
        store.replaceLines(s.id(), lines);
    }

    /** The lines of one work month from the ledger's counted hours, caps applied per student. */
    private List<PayStore.LineRow> compute(LocalDate month, String kind, Map<Long, PositionView> byId,
            Map<Long, PayStore.Terms> terms, Predicate<LocalDate> termTime) {
        List<HoursLedger.PositionDay> days = ledger.countedOnPositions(byId.keySet(), month, month.plusMonths(1));
        Map<Long, List<PayRules.Worked>> byStudent = new TreeMap<>();
        for (HoursLedger.PositionDay d : days) {
            byStudent.computeIfAbsent(d.studentId(), k -> new ArrayList<>())
                    .add(new PayRules.Worked(d.workDate(), d.positionId(), d.hours()));
        }
        List<PayStore.LineRow> out = new ArrayList<>();
        for (Map.Entry<Long, List<PayRules.Worked>> e : byStudent.entrySet()) {
            CountingSettings cs = ledger.settings(e.getKey());
            Map<Long, BigDecimal> worked = new TreeMap<>();
            e.getValue().forEach(w -> worked.merge(w.positionId(), w.hours(), BigDecimal::add));
            Map<Long, BigDecimal> payable = PayRules.payable(e.getValue(), termTime, cs.termWeekHours(),
                    cs.termMonthHours());
            for (Map.Entry<Long, BigDecimal> w : worked.entrySet()) {
                PositionView p = byId.get(w.getKey());
                BigDecimal paidHours = payable.getOrDefault(w.getKey(), BigDecimal.ZERO);
                PayStore.Terms t = terms.get(w.getKey());
                boolean monthly = t != null && "FIXED".equals(p.type());
                BigDecimal rate = monthly ? PayRules.rateOf(t.monthlyAmount(), t.monthlyHours()) : p.hourlyPay();
                BigDecimal amount = monthly ? PayRules.monthly(paidHours, t.monthlyHours(), t.monthlyAmount())
                        : PayRules.hourly(paidHours, p.hourlyPay());
                out.add(new PayStore.LineRow(0, 0, kind, month, e.getKey(), w.getKey(), w.getValue(), paidHours, rate,
                        amount, monthly ? "MONTHLY" : "HOURLY"));
            }
        }
        return out;
    }

    /** Term time: the days of a term's teaching period (its first to its last day); the rest is vacation. */
    static Predicate<LocalDate> termTime(List<Term> terms) {
        return d -> terms.stream().anyMatch(t -> !d.isBefore(t.startsOn()) && !d.isAfter(t.endsOn()));
    }

    // ================================================================== views and checks

    private PaySheet view(PayStore.SheetRow s, boolean fullCards) {
        List<PaySheet.PayLine> lines = lines(store.lines(s.id()), fullCards);
        String name = employers.find(s.employerId()).map(Employer::name).orElse("");
        return new PaySheet(s.id(), s.employerId(), name, s.month(), s.funding(), s.status(), s.confirmedBy(),
                s.confirmedAt(), s.frozenBy(), s.frozenAt(), lines,
                lines.stream().map(PaySheet.PayLine::paidHours).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines.stream().map(PaySheet.PayLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private List<PaySheet.PayLine> lines(List<PayStore.LineRow> rows, boolean fullCards) {
        Collection<Long> studentIds = rows.stream().map(PayStore.LineRow::studentId).distinct().toList();
        Map<Long, StudentRow> students = roster.rows(studentIds);
        Map<Long, PayStore.Card> cards = store.cards(studentIds);
        Map<Long, PositionView> pos = positions.findAll(rows.stream().map(PayStore.LineRow::positionId).distinct()
                .toList()).stream().collect(Collectors.toMap(PositionView::id, Function.identity()));
        return rows.stream().map(l -> {
            StudentRow st = students.get(l.studentId());
            PayStore.Card c = cards.get(l.studentId());
            PositionView p = pos.get(l.positionId());
            return new PaySheet.PayLine(l.id(), l.kind(), l.workMonth(), l.studentId(), st == null ? "" : st.studentNo(),
                    st == null ? "" : st.name(), st == null ? "" : st.collegeName(),
                    c == null ? "" : fullCards ? c.cardNo() : maskCard(c.cardNo()), l.positionId(),
                    p == null ? "" : p.title(), l.hours(), l.cappedHours(), l.rate(), l.amount(), l.basis());
        }).toList();
    }

    private void requireReader(CurrentUser user) {
        if (!mayRead(user)) {
            throw BusinessException.forbidden();
        }
    }

    private PayStore.SheetRow readable(CurrentUser user, long sheetId) {
        requireReader(user);
        PayStore.SheetRow s = store.sheet(sheetId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (user.acts(Role.EMPLOYER) && !user.activeScopeIds().contains(s.employerId())) {
            throw BusinessException.notFound("error.not-found");
        }
        return s;
    }

    private PayStore.SheetRow centerSheet(CurrentUser user, long sheetId) {
        readable(user, sheetId);
        if (!isCenter(user)) {
            throw BusinessException.forbidden();
        }
        return store.lockSheet(sheetId).orElseThrow();
    }

    private Student self(CurrentUser user) {
        if (!user.acts(Role.STUDENT)) {
            throw BusinessException.forbidden();
        }
        return roster.ofAccount(user.accountId()).orElseThrow(BusinessException::forbidden);
    }

    private List<PositionView> managedPositions(CurrentUser user) {
        if (user.acts(Role.EMPLOYER)) {
            List<PositionView> out = new ArrayList<>();
            user.activeScopeIds().forEach(id -> out.addAll(positionsOf(id)));
            return out;
        }
        if (isCenter(user) || user.acts(Role.ADMIN)) {
            return allPositions();
        }
        throw BusinessException.forbidden();
    }

    private List<PositionView> positionsOf(long employerId) {
        return search(new PositionQuery(null, null, null, null, employerId, null, null, null, null));
    }

    private List<PositionView> allPositions() {
        return search(PositionQuery.all());
    }

    private List<PositionView> search(PositionQuery q) {
        List<PositionView> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = positions.search(q, page, 500);
            out.addAll(result.items());
            if (result.items().size() < 500 || out.size() >= result.total()) {
                return out;
            }
        }
    }
}
