package org.workstudy.pay;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.workstudy.shared.SecretCipher;

/** The pay tables (pay_*), and only those. */
@Repository
class PayStore {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    PayStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    record Terms(long positionId, BigDecimal monthlyAmount, BigDecimal monthlyHours) {
    }

    Map<Long, Terms> terms(Collection<Long> positionIds) {
        if (positionIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT position_id, monthly_amount, monthly_hours FROM pay_position_terms"
                        + " WHERE position_id IN (:ids)").param("ids", List.copyOf(positionIds))
                .query((rs, n) -> new Terms(rs.getLong(1), rs.getBigDecimal(2), rs.getBigDecimal(3))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Terms::positionId, t -> t));
    }

    void saveTerms(long positionId, BigDecimal amount, BigDecimal hours, String by, Instant at) {
        jdbc.sql("INSERT INTO pay_position_terms (position_id, monthly_amount, monthly_hours, updated_at, updated_by)"
                        + " VALUES (?,?,?,?,?) ON CONFLICT (position_id) DO UPDATE SET monthly_amount = EXCLUDED"
                        + ".monthly_amount, monthly_hours = EXCLUDED.monthly_hours, updated_at = EXCLUDED.updated_at,"
                        + " updated_by = EXCLUDED.updated_by")
                .params(positionId, amount, hours, ts(at), by).update();
    }

    /** A student's card; {@code cardNo} decrypted (it is stored encrypted, shared/SecretCipher). */
    record Card(long studentId, String bankName, String cardNo) {
    }

    Map<Long, Card> cards(Collection<Long> studentIds) {
        if (studentIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT student_id, bank_name, card_no FROM pay_bank_card WHERE student_id IN (:ids)")
                .param("ids", List.copyOf(studentIds))
                .query((rs, n) -> new Card(rs.getLong(1), rs.getString(2), cipher.decrypt(rs.getString(3)))).list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Card::studentId, c -> c));
    }

    void saveCard(long studentId, String bankName, String cardNo, Instant at) {
        jdbc.sql("INSERT INTO pay_bank_card (student_id, bank_name, card_no, updated_at) VALUES (?,?,?,?)"
                        + " ON CONFLICT (student_id) DO UPDATE SET bank_name = EXCLUDED.bank_name,"
                        + " card_no = EXCLUDED.card_no, updated_at = EXCLUDED.updated_at")
                .params(studentId, bankName, cipher.encrypt(cardNo), ts(at)).update();
    }

    /**
     * Encrypts the card numbers stored before encryption was introduced (V94); each row only if it still holds the
     * number read, so that two instances starting at once, or a student saving meanwhile, lose nothing. How many.
     */
    int encryptPlainCards() {
        List<Map.Entry<Long, String>> plain = jdbc.sql("SELECT student_id, card_no FROM pay_bank_card"
                        + " WHERE card_no NOT LIKE 'enc1:%'")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        int n = 0;
        for (Map.Entry<Long, String> row : plain) {
            n += jdbc.sql("UPDATE pay_bank_card SET card_no = ? WHERE student_id = ? AND card_no = ?")
                    .params(cipher.encrypt(row.getValue()), row.getKey(), row.getValue()).update();
        }
        return n;
    }

    record SheetRow(long id, long employerId, LocalDate month, Funding funding, SheetStatus status,
            String confirmedBy, Instant confirmedAt, String frozenBy, Instant frozenAt) {
    }

    private static final String SHEET = "SELECT id, employer_id, month, funding, status, confirmed_by, confirmed_at,"
            + " frozen_by, frozen_at FROM pay_sheet";

    Optional<SheetRow> sheet(long id) {
        return jdbc.sql(SHEET + " WHERE id = ?").param(id).query(PayStore::sheetRow).optional();
    }

    /** Locks the sheet row: one decision or recomputation at a time. */
    Optional<SheetRow> lockSheet(long id) {
        return jdbc.sql(SHEET + " WHERE id = ? FOR UPDATE").param(id).query(PayStore::sheetRow).optional();
    }

    Optional<SheetRow> sheet(long employerId, LocalDate month, Funding funding) {
        return jdbc.sql(SHEET + " WHERE employer_id = ? AND month = ? AND funding = ?")
                .params(employerId, month, funding.name()).query(PayStore::sheetRow).optional();
    }

    /** Creates the sheet unless it exists (two clicks, two instances); its id either way. */
    long createSheet(long employerId, LocalDate month, Funding funding, Instant at) {
        jdbc.sql("INSERT INTO pay_sheet (employer_id, month, funding, status, created_at) VALUES (?,?,?,'DRAFT',?)"
                + " ON CONFLICT (employer_id, month, funding) DO NOTHING")
                .params(employerId, month, funding.name(), ts(at)).update();
        return sheet(employerId, month, funding).orElseThrow().id();
    }

    List<SheetRow> sheets(LocalDate month, Collection<Long> employerIds) {
        if (employerIds != null && employerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SHEET + " WHERE month = :month" + (employerIds == null ? "" : " AND employer_id IN (:ids)")
                        + " ORDER BY employer_id, funding")
                .param("month", month).params(employerIds == null ? Map.of() : Map.of("ids", List.copyOf(employerIds)))
                .query(PayStore::sheetRow).list();
    }

    /** Earlier months of this employer and funding with a frozen sheet, within [from, before). */
    List<LocalDate> frozenMonths(long employerId, Funding funding, LocalDate from, LocalDate before) {
        return jdbc.sql("SELECT month FROM pay_sheet WHERE employer_id = ? AND funding = ? AND status = 'FROZEN'"
                        + " AND month >= ? AND month < ? ORDER BY month")
                .params(employerId, funding.name(), from, before).query(LocalDate.class).list();
    }

    void setStatus(long id, SheetStatus status, String by, Instant at) {
        switch (status) {
            case CONFIRMED -> jdbc.sql("UPDATE pay_sheet SET status = 'CONFIRMED', confirmed_by = ?, confirmed_at = ?"
                    + " WHERE id = ?").params(by, ts(at), id).update();
            case FROZEN -> jdbc.sql("UPDATE pay_sheet SET status = 'FROZEN', frozen_by = ?, frozen_at = ?"
                    + " WHERE id = ?").params(by, ts(at), id).update();
            case DRAFT -> jdbc.sql("UPDATE pay_sheet SET status = 'DRAFT', confirmed_by = NULL, confirmed_at = NULL"
                    + " WHERE id = ? AND status <> 'FROZEN'").param(id).update();
        }
    }

    record LineRow(long id, long sheetId, String kind, LocalDate workMonth, long studentId, long positionId,
            BigDecimal hours, BigDecimal cappedHours, BigDecimal rate, BigDecimal amount, String basis) {
    }

    private static final String LINE = "SELECT id, sheet_id, kind, work_month, student_id, position_id, hours,"
            + " capped_hours, rate, amount, basis FROM pay_line";

    List<LineRow> lines(long sheetId) {
        return jdbc.sql(LINE + " WHERE sheet_id = ? ORDER BY kind DESC, work_month, student_id, position_id")
                .param(sheetId).query(PayStore::lineRow).list();
    }

    /** Lines of this employer's other sheets that were confirmed or frozen, for a work month (what was paid for it). */
    List<LineRow> paidFor(long employerId, Funding funding, LocalDate workMonth, long exceptSheet) {
        return jdbc.sql(LINE + " WHERE work_month = ? AND sheet_id <> ? AND sheet_id IN (SELECT s.id FROM pay_sheet s"
                        + " WHERE s.employer_id = ? AND s.funding = ? AND s.status IN ('CONFIRMED', 'FROZEN'))")
                .params(workMonth, exceptSheet, employerId, funding.name()).query(PayStore::lineRow).list();
    }

    /** A student's lines on frozen sheets, newest first. */
    List<LineRow> frozenLinesOf(long studentId) {
        return jdbc.sql(LINE + " WHERE student_id = ? AND sheet_id IN (SELECT id FROM pay_sheet WHERE status = 'FROZEN')"
                        + " ORDER BY sheet_id DESC, work_month DESC, id").param(studentId).query(PayStore::lineRow)
                .list();
    }

    /** Lines of the month's frozen sheets (the center's totals). */
    List<LineRow> frozenLinesOfMonth(LocalDate month) {
        return jdbc.sql(LINE + " WHERE sheet_id IN (SELECT id FROM pay_sheet WHERE month = ? AND status = 'FROZEN')")
                .param(month).query(PayStore::lineRow).list();
    }

    /** Replaces a draft's lines (the trigger refuses this on a frozen sheet). */
    void replaceLines(long sheetId, List<LineRow> lines) {
        jdbc.sql("DELETE FROM pay_line WHERE sheet_id = ?").param(sheetId).update();
        for (LineRow l : lines) {
            jdbc.sql("INSERT INTO pay_line (sheet_id, kind, work_month, student_id, position_id, hours, capped_hours,"
                            + " rate, amount, basis) VALUES (?,?,?,?,?,?,?,?,?,?)")
                    .params(sheetId, l.kind(), l.workMonth(), l.studentId(), l.positionId(), l.hours(),
                            l.cappedHours(), l.rate(), l.amount(), l.basis()).update();
        }
    }

    private static OffsetDateTime ts(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static SheetRow sheetRow(ResultSet rs, int n) throws SQLException {
        return new SheetRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                Funding.valueOf(rs.getString(4)), SheetStatus.valueOf(rs.getString(5)), rs.getString(6),
                instant(rs, 7), rs.getString(8), instant(rs, 9));
    }

    private static LineRow lineRow(ResultSet rs, int n) throws SQLException {
        return new LineRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getLong(5), rs.getLong(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                rs.getBigDecimal(10), rs.getString(11));
    }
}
