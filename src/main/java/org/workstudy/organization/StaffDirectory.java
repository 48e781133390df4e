package org.workstudy.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Grant;
import org.workstudy.identity.NewAccount;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.Masking;
import org.workstudy.shared.PageResult;

/** Staff members and the role grants that make them counselors, vice deans, center staff and so on. */
@Service
public class StaffDirectory {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Organization organization;
    private final AuditTrail audit;

    StaffDirectory(JdbcClient jdbc, Accounts accounts, Organization organization, AuditTrail audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.organization = organization;
        this.audit = audit;
    }

    public PageResult<StaffRow> search(String text, Long collegeId, int page, int size) {
        size = PageResult.clampSize(size);
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            where.append(" AND (f.staff_no LIKE ? OR f.name LIKE ?)");
            params.add(text.trim() + "%");
            params.add("%" + text.trim() + "%");
        }
        if (collegeId != null) {
            where.append(" AND f.college_id = ?");
            params.add(collegeId);
        }
        long total = jdbc.sql("SELECT count(*) FROM org_staff f" + where).params(params).query(Long.class).single();
        List<StaffRow> items = jdbc.sql("SELECT f.id, f.staff_no, f.name, f.college_id, g.name, f.phone, f.account_id,"
                        + " f.active FROM org_staff f LEFT JOIN org_college g ON g.id = f.college_id" + where
                        + " ORDER BY f.staff_no LIMIT " + size + " OFFSET " + (long) page * size)
                .params(params)
                .query((rs, n) -> new StaffRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Long) rs.getObject(4, Long.class), rs.getString(5), Masking.phone(rs.getString(6)),
                        rs.getLong(7), rs.getBoolean(8), accounts.grantsOf(rs.getLong(7))))
                .list();
        return new PageResult<>(items, page, size, total);
    }

    public Optional<Staff> find(long id) {
        return jdbc.sql("SELECT id, staff_no, name, college_id, phone, account_id, active FROM org_staff WHERE id = ?")
                .param(id).query(Staff.class).optional();
    }

    public Optional<Staff> findByNumber(String staffNo) {
        return jdbc.sql("SELECT id, staff_no, name, college_id, phone, account_id, active FROM org_staff"
                + " WHERE staff_no = ?").param(staffNo).query(Staff.class).optional();
    }

    /**
     * Adds a staff member with an account (username = 工号) holding these grants, with an initial password to change at
     * first sign-in, or without one (null: the account awaits activation with a code, as after a staff import).
     */
    @Transactional
    public long create(StaffForm form, String initialPassword, List<Grant> grants) {
        if (findByNumber(form.staffNo().trim()).isPresent()) {
            throw BusinessException.conflict("organization.staff.no.taken", form.staffNo());
        }
        checkCollege(form.collegeId());
        long accountId = accounts.create(new NewAccount(form.staffNo().trim(), form.name().trim(), initialPassword,
                initialPassword != null, grants));
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO org_staff (staff_no, name, college_id, phone, account_id) VALUES (?,?,?,?,?)")
                .params(form.staffNo().trim(), form.name().trim(), form.collegeId(), blankToNull(form.phone()),
                        accountId)
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.record("staff", id, "create", form);
        return id;
    }

    @Transactional
    public void update(long id, StaffForm form) {
        Staff before = find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        findByNumber(form.staffNo().trim()).filter(s -> s.id() != id).ifPresent(s -> {
            throw BusinessException.conflict("organization.staff.no.taken", form.staffNo());
        });
        checkCollege(form.collegeId());
        jdbc.sql("UPDATE org_staff SET staff_no = ?, name = ?, college_id = ?, phone = ? WHERE id = ?")
                .params(form.staffNo().trim(), form.name().trim(), form.collegeId(), blankToNull(form.phone()), id)
                .update();
        accounts.rename(before.accountId(), form.name().trim());
        audit.recordChange("staff", id, "update",
                new StaffForm(before.staffNo(), before.name(), before.collegeId(), before.phone()), form);
    }

    @Transactional
    public void setActive(long id, boolean active) {
        Staff before = find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        jdbc.sql("UPDATE org_staff SET active = ? WHERE id = ?").params(active, id).update();
        accounts.setEnabled(before.accountId(), active);
        audit.recordChange("staff", id, active ? "activate" : "deactivate", java.util.Map.of("active", before.active()),
                java.util.Map.of("active", active));
    }

    private void checkCollege(Long collegeId) {
        if (collegeId != null && organization.college(collegeId).isEmpty()) {
            throw BusinessException.invalid("organization.college.unknown", collegeId);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
