package org.workstudy.awards.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;

/**
 * The award thresholds in versions, like the policy's: the center director adds a version that applies from a date
 * (today or later, never in the past), and versions are never edited or deleted. A year is judged under the version
 * in force on its evaluation day ({@link AwardLists#evaluationDay}), so a past year keeps the version it was judged
 * under whatever is added later.
 */
@Service
public class AwardSettings {

    /** Who adds threshold versions: the center director only. */
    public static final Set<Role> EDITORS = Set.of(Role.CENTER_DIRECTOR);

    static final String AUDIT = "award-threshold";

    private static final String SELECT = "SELECT id, effective_from, student_year_hours, student_on_track_suffices,"
            + " class_on_track_percent, counselor_on_track_percent, confirm_deadline_days, confirm_on_time_percent,"
            + " near_hours, near_percent, note, created_by, created_at FROM awd_threshold";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(10_000);

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    AwardSettings(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Refuses (403) anyone but the center director. */
    public static void requireEditor(CurrentUser user) {
        if (!EDITORS.contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
    }

    /** Every version, newest first, each with the last day it is in force. */
    @Transactional(readOnly = true)
    public List<ThresholdVersion> versions() {
        List<ThresholdVersion> rows = jdbc.sql(SELECT + " ORDER BY effective_from").query(AwardSettings::row).list();
        List<ThresholdVersion> out = new ArrayList<>(rows.size());
        for (int i = rows.size() - 1; i >= 0; i--) {
            ThresholdVersion v = rows.get(i);
            LocalDate until = i + 1 < rows.size() ? rows.get(i + 1).effectiveFrom().minusDays(1) : null;
            out.add(new ThresholdVersion(v.id(), v.effectiveFrom(), until, v.studentYearHours(),
                    v.studentOnTrackSuffices(), v.classOnTrackPercent(), v.counselorOnTrackPercent(),
                    v.confirmDeadlineDays(), v.confirmOnTimePercent(), v.nearHours(), v.nearPercent(), v.note(),
                    v.createdBy(), v.createdAt()));
        }
        return out;
    }

    /** The version in force on the day (the first version applies from 2000-01-01, so there is always one). */
    @Transactional(readOnly = true)
    public ThresholdVersion forDay(LocalDate day) {
        return versions().stream().filter(v -> v.covers(day)).findFirst()
                .orElseThrow(() -> BusinessException.notFound("awards.settings.none"));
    }

    /** The newest version (the one the form offers to change). */
    @Transactional(readOnly = true)
    public ThresholdVersion newest() {
        return versions().get(0);
    }

    /** Today in the school's time zone (the earliest day a new version may apply from). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Adds a version (center director only). Refused, naming the field, when a number is missing or not a number,
     * a percentage is outside 0–100, hours are negative, the deadline is not 1–60 days, the date is in the past or
     * another version already starts that day. One transaction, audited.
     */
    @Transactional
    public ThresholdVersion create(CurrentUser user, ThresholdForm form) {
        requireEditor(user);
        LocalDate from = date("effectiveFrom", form.effectiveFrom());
        if (from.isBefore(today())) {
            throw BusinessException.invalid("awards.settings.past", from, today()).field("effectiveFrom");
        }
        BigDecimal studentHours = hours("studentYearHours", form.studentYearHours());
        BigDecimal classPercent = percent("classOnTrackPercent", form.classOnTrackPercent());
        BigDecimal counselorPercent = percent("counselorOnTrackPercent", form.counselorOnTrackPercent());
        int days = days(form.confirmDeadlineDays());
        BigDecimal onTime = percent("confirmOnTimePercent", form.confirmOnTimePercent());
        BigDecimal nearHours = hours("nearHours", form.nearHours());
        BigDecimal nearPercent = percent("nearPercent", form.nearPercent());
        boolean onTrack = "true".equalsIgnoreCase(blank(form.studentOnTrackSuffices()))
                || "on".equalsIgnoreCase(blank(form.studentOnTrackSuffices()));
        String note = form.note() == null || form.note().isBlank() ? null
                : TextLimits.require("note", form.note().strip(), 500);
        boolean taken = jdbc.sql("SELECT count(*) FROM awd_threshold WHERE effective_from = ?").param(from)
                .query(Long.class).single() > 0;
        if (taken) {
            throw BusinessException.conflict("awards.settings.same-day", from).field("effectiveFrom");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO awd_threshold (effective_from, student_year_hours, student_on_track_suffices,"
                        + " class_on_track_percent, counselor_on_track_percent, confirm_deadline_days,"
                        + " confirm_on_time_percent, near_hours, near_percent, note, created_by, created_at)"
                        + " VALUES (:from, :sh, :ot, :cp, :kp, :days, :onTime, :nh, :np, :note, :by, :at)")
                .param("from", from).param("sh", studentHours).param("ot", onTrack).param("cp", classPercent)
                .param("kp", counselorPercent).param("days", days).param("onTime", onTime).param("nh", nearHours)
                .param("np", nearPercent).param("note", note).param("by", user.username())
                .param("at", OffsetDateTime.now(clock)).update(key, "id");
        long id = key.getKey().longValue();
        ThresholdVersion created = versions().stream().filter(v -> v.id() == id).findFirst().orElseThrow();
        audit.record(AUDIT, id, "create", Map.of("effectiveFrom", from.toString(), "studentYearHours", studentHours,
                "studentOnTrackSuffices", onTrack, "classOnTrackPercent", classPercent, "counselorOnTrackPercent",
                counselorPercent, "confirmDeadlineDays", days, "confirmOnTimePercent", onTime, "nearHours",
                nearHours, "nearPercent", nearPercent));
        return created;
    }

    /** The field's name in the reader's language, as an argument of the refusal. */
    static org.springframework.context.support.DefaultMessageSourceResolvable label(String field) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] {"awards.field." + field}, field);
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }

    private static LocalDate date(String field, String text) {
        if (blank(text).isEmpty()) {
            throw BusinessException.invalid("awards.settings.required", label(field)).field(field);
        }
        try {
            return LocalDate.parse(blank(text));
        } catch (DateTimeParseException e) {
            throw BusinessException.invalid("awards.settings.date", label(field), text).field(field);
        }
    }

    private static BigDecimal number(String field, String text) {
        if (blank(text).isEmpty()) {
            throw BusinessException.invalid("awards.settings.required", label(field)).field(field);
        }
        BigDecimal n;
        try {
            n = new BigDecimal(blank(text));
        } catch (NumberFormatException e) {
            throw BusinessException.invalid("awards.settings.number", label(field), text).field(field);
        }
        if (n.scale() > 2) {
            throw BusinessException.invalid("awards.settings.decimals", label(field), text).field(field);
        }
        return n;
    }

    static BigDecimal percent(String field, String text) {
        BigDecimal n = number(field, text);
        if (n.signum() < 0 || n.compareTo(HUNDRED) > 0) {
            throw BusinessException.invalid("awards.settings.percent", label(field), text).field(field);
        }
        return n;
    }

    static BigDecimal hours(String field, String text) {
        BigDecimal n = number(field, text);
        if (n.signum() < 0 || n.compareTo(MAX_HOURS) > 0) {
            throw BusinessException.invalid("awards.settings.hours", label(field), text).field(field);
        }
        return n;
    }

    private static int days(String text) {
        BigDecimal n = number("confirmDeadlineDays", text);
        if (n.scale() > 0 && n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.ONE) < 0
                || n.compareTo(BigDecimal.valueOf(60)) > 0) {
            throw BusinessException.invalid("awards.settings.days", label("confirmDeadlineDays"), text).field("confirmDeadlineDays");
        }
        return n.intValue();
    }

    private static ThresholdVersion row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp(13);
        return new ThresholdVersion(rs.getLong(1), rs.getObject(2, LocalDate.class), null, rs.getBigDecimal(3),
                rs.getBoolean(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7), rs.getBigDecimal(8),
                rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11), rs.getString(12),
                at == null ? null : at.toInstant());
    }
}
