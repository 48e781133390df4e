package org.workstudy.positions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.Organization;
import org.workstudy.shared.BusinessException;

/**
 * Annual work-study plans (年度勤工助学计划) of the school and of each college; the plan page's rows, against actual
 * figures, come from {@link PlanRows}.
 * An academic year runs from 1 September to 31 August.
 */
@Service
public class AnnualPlans {

    static final Set<Role> SCHOOL_READERS = Set.of(Role.CENTER_STAFF, Role.CENTER_DIRECTOR, Role.LEADER);
    private static final Pattern YEAR = Pattern.compile("(\\d{4})-(\\d{4})");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Organization organization;
    private final PositionStore positions;
    private final Clock clock;

    AnnualPlans(JdbcClient jdbc, AuditTrail audit, Organization organization, PositionStore positions,
            Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.organization = organization;
        this.positions = positions;
        this.clock = clock;
    }

    /** Whether the role sees plans at all. */
    public static boolean reads(CurrentUser user) {
        return SCHOOL_READERS.contains(user.activeRole()) || user.acts(Role.COLLEGE_ADMIN) || user.acts(Role.VICE_DEAN);
    }

    /** CENTER_STAFF edits the school's plan; a COLLEGE_ADMIN their college's. */
    public static boolean mayEdit(CurrentUser user, Long collegeId) {
        return collegeId == null ? user.acts(Role.CENTER_STAFF)
                : user.acts(Role.COLLEGE_ADMIN) && user.activeScopeIds().contains(collegeId);
    }

    /** The academic year of today, e.g. "2026-2027" from September 2026 to August 2027. */
    public String currentYear() {
        LocalDate today = LocalDate.now(clock);
        int start = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        return start + "-" + (start + 1);
    }

    /** Validates an academic year like "2026-2027" and returns its first calendar year. */
    public static int startYear(String academicYear) {
        Matcher m = academicYear == null ? null : YEAR.matcher(academicYear.trim());
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw BusinessException.invalid("positions.plan.year", academicYear);
        }
        return Integer.parseInt(m.group(1));
    }

    public Optional<AnnualPlan> find(String academicYear, Long collegeId) {
        return jdbc.sql("SELECT id, academic_year, college_id, target_positions, target_placements, target_hours,"
                        + " target_hours_per_hardship, notes, updated_at, updated_by FROM pos_annual_plan"
                        + " WHERE academic_year = ? AND " + (collegeId == null ? "college_id IS NULL"
                                : "college_id = " + collegeId) + " ORDER BY id DESC")
                .param(academicYear.trim())
                .query((rs, n) -> {
                    long c = rs.getLong(3);
                    return new AnnualPlan(rs.getLong(1), rs.getString(2), rs.wasNull() ? null : c, rs.getInt(4),
                            rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8),
                            rs.getTimestamp(9).toInstant(), rs.getString(10));
                }).list().stream().findFirst();
    }

    /**
     * Positions published from {@code from} up to (not including) {@code to}: the school's (null) or one college's
     * bank, as the plan page counts them (for assessment, which reports them against the plan month by month).
     */
    public long publishedPositions(Long collegeId, Instant from, Instant to) {
        return positions.publishedBetween(from, to, collegeId);
    }

    @Transactional
    public void save(CurrentUser user, String academicYear, Long collegeId, AnnualPlanForm form) {
        if (!mayEdit(user, collegeId)) {
            throw BusinessException.forbidden();
        }
        startYear(academicYear);
        if (collegeId != null && organization.college(collegeId).isEmpty()) {
            throw BusinessException.invalid("positions.college.unknown", collegeId);
        }
        if (form == null || form.targetPositions() == null || form.targetPlacements() == null
                || form.targetHours() == null || form.targetHoursPerHardship() == null) {
            throw BusinessException.invalid("error.required");
        }
        if (form.targetPositions() < 0 || form.targetPlacements() < 0 || form.targetHours().signum() < 0
                || form.targetHoursPerHardship().signum() < 0
                || form.targetHours().compareTo(new BigDecimal("99999999")) > 0
                || form.targetHoursPerHardship().compareTo(new BigDecimal("999999")) > 0) {
            throw BusinessException.invalid("positions.plan.negative");
        }
        String notes = form.notes() == null || form.notes().isBlank() ? null : form.notes().trim();
        if (notes != null && notes.length() > 2000) {
            throw BusinessException.invalid("positions.text.too-long");
        }
        AnnualPlanForm clean = new AnnualPlanForm(form.targetPositions(), form.targetPlacements(),
                form.targetHours(), form.targetHoursPerHardship(), notes);
        Optional<AnnualPlan> before = find(academicYear, collegeId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (before.isEmpty()) {
            jdbc.sql("INSERT INTO pos_annual_plan (academic_year, college_id, target_positions, target_placements,"
                            + " target_hours, target_hours_per_hardship, notes, updated_at, updated_by)"
                            + " VALUES (?,?,?,?,?,?,?,?,?)")
                    .params(academicYear.trim(), collegeId, clean.targetPositions(), clean.targetPlacements(),
                            clean.targetHours(), clean.targetHoursPerHardship(), notes, now, user.username())
                    .update();
            audit.record("annual-plan", academicYear.trim() + "/" + (collegeId == null ? "school" : collegeId),
                    "create", clean);
        } else {
            jdbc.sql("UPDATE pos_annual_plan SET target_positions = ?, target_placements = ?, target_hours = ?,"
                            + " target_hours_per_hardship = ?, notes = ?, updated_at = ?, updated_by = ? WHERE id = ?")
                    .params(clean.targetPositions(), clean.targetPlacements(), clean.targetHours(),
                            clean.targetHoursPerHardship(), notes, now, user.username(), before.get().id())
                    .update();
            audit.recordChange("annual-plan", academicYear.trim() + "/" + (collegeId == null ? "school" : collegeId),
                    "update", AnnualPlanForm.of(before.get()), clean);
        }
    }
}
