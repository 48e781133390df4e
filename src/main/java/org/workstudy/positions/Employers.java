package org.workstudy.positions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.workstudy.places.Division;
import org.workstudy.places.Divisions;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.AccountView;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.NewAccount;
import org.workstudy.identity.Role;
import org.workstudy.positions.internal.AgreementFile;
import org.workstudy.positions.internal.EmployerForm;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;

/**
 * Employers (用人单位), their tripartite agreements and their contact accounts. The center (CENTER_STAFF, ADMIN)
 * keeps them; school-wide readers see all; an employer's contact sees only their own.
 */
@Service
public class Employers {

    static final Set<Role> KEEPERS = Set.of(Role.CENTER_STAFF, Role.ADMIN);
    static final Set<Role> READERS = Set.of(Role.CENTER_STAFF, Role.ADMIN, Role.CENTER_DIRECTOR, Role.LEADER);

    private static final String SELECT = "SELECT e.id, e.on_campus, e.name, e.city, e.address, e.contact_person,"
            + " e.phone, e.active, e.agreement_id, a.file_name, a.expires_on, e.division_code FROM pos_employer e"
            + " LEFT JOIN pos_agreement_file a ON a.id = e.agreement_id";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Accounts accounts;
    private final Clock clock;
    private final long maxAgreementBytes;
    private final Divisions divisions;

    Employers(JdbcClient jdbc, AuditTrail audit, Accounts accounts, Clock clock,
            @Value("${workstudy.positions.agreement-max-bytes:10485760}") long maxAgreementBytes,
            Divisions divisions) {
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
        this.maxAgreementBytes = maxAgreementBytes;
    }

    public static boolean keeps(CurrentUser user) {
        return KEEPERS.contains(user.activeRole());
    }

    /** The employers the user may see: all for the center and school-wide readers, their own for an employer. */
    public List<Employer> list(CurrentUser user) {
        if (READERS.contains(user.activeRole())) {
            return jdbc.sql(SELECT + " ORDER BY e.on_campus DESC, e.name").query(Employers::employer).list();
        }
        if (user.acts(Role.EMPLOYER) && !user.activeScopeIds().isEmpty()) {
            return jdbc.sql(SELECT + " WHERE e.id IN (:ids) ORDER BY e.name").param("ids", user.activeScopeIds())
                    .query(Employers::employer).list();
        }
        throw BusinessException.forbidden();
    }

    /** Active employers that positions may be created for, by this user. */
    public List<Employer> choosable(CurrentUser user) {
        if (user.acts(Role.EMPLOYER)) {
            return list(user).stream().filter(Employer::active).toList();
        }
        return jdbc.sql(SELECT + " WHERE e.active ORDER BY e.on_campus DESC, e.name").query(Employers::employer).list();
    }

    /** Any employer, without scope checks (for the module's own use). */
    public Optional<Employer> find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query(Employers::employer).optional();
    }

    /** An employer the user may see; others are "not found". */
    public Employer require(CurrentUser user, long id) {
        boolean visible = READERS.contains(user.activeRole())
                || (user.acts(Role.EMPLOYER) && user.activeScopeIds().contains(id));
        if (!visible) {
            throw BusinessException.notFound("error.not-found");
        }
        return find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
    }

    @Transactional
    public long save(CurrentUser user, Long id, EmployerForm form) {
        requireKeeper(user);
        EmployerForm f = validate(form);
        Division place = divisions.require("city", f.city());
        if (jdbc.sql("SELECT count(*) FROM pos_employer WHERE lower(name) = lower(?)" + (id == null ? "" : " AND id <> " + id))
                .param(f.name()).query(Long.class).single() > 0) {
            throw BusinessException.conflict("positions.employer.duplicate", f.name());
        }
        if (id == null) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO pos_employer (on_campus, name, city, address, contact_person, phone, active,"
                            + " division_code) VALUES (?,?,?,?,?,?,?,?)")
                    .params(f.onCampus(), f.name(), place.label(), f.address(), f.contactPerson(), f.phone(),
                            f.active(), place.code())
                    .update(key, "id");
            long newId = key.getKey().longValue();
            audit.record("employer", newId, "create", f);
            return newId;
        }
        Employer before = find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        jdbc.sql("UPDATE pos_employer SET on_campus = ?, name = ?, city = ?, address = ?, contact_person = ?,"
                        + " phone = ?, active = ?, division_code = ? WHERE id = ?")
                .params(f.onCampus(), f.name(), place.label(), f.address(), f.contactPerson(), f.phone(), f.active(),
                        place.code(), id)
                .update();
        audit.recordChange("employer", id, "update", EmployerForm.of(before), f);
        return id;
    }

    /** Stores a new agreement and makes it the employer's current one; older ones are kept. */
    @Transactional
    public long uploadAgreement(CurrentUser user, long employerId, String fileName, byte[] content,
            LocalDate expiresOn) {
        requireKeeper(user);
        Employer employer = find(employerId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (expiresOn == null) {
            throw BusinessException.invalid("positions.agreement.expiry-required");
        }
        String type = AgreementFiles.check(content, maxAgreementBytes);
        String name = AgreementFiles.safeName(fileName, type);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO pos_agreement_file (employer_id, file_name, content_type, size_bytes, expires_on,"
                        + " uploaded_at, uploaded_by, content) VALUES (?,?,?,?,?,?,?,?)")
                .params(employerId, name, type, content.length, expiresOn, now(), user.username(), content)
                .update(key, "id");
        long id = key.getKey().longValue();
        jdbc.sql("UPDATE pos_employer SET agreement_id = ? WHERE id = ?").params(id, employerId).update();
        audit.record("employer", employerId, "agreement", Map.of("agreementId", id, "fileName", name,
                "contentType", type, "sizeBytes", content.length, "expiresOn", expiresOn.toString(),
                "previousAgreementId", String.valueOf(employer.agreementId())));
        return id;
    }

    /** The employer's current agreement, for those who may see the employer. */
    public Optional<AgreementFile> agreement(CurrentUser user, long employerId) {
        Employer employer = require(user, employerId);
        if (employer.agreementId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, employer_id, file_name, content_type, size_bytes, expires_on, uploaded_at,"
                        + " uploaded_by, content FROM pos_agreement_file WHERE id = ?")
                .param(employer.agreementId())
                .query((rs, n) -> new AgreementFile(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getObject(6, LocalDate.class), rs.getTimestamp(7).toInstant(),
                        rs.getString(8), rs.getBytes(9)))
                .optional();
    }

    /** Creates a contact account for the employer (role EMPLOYER over it), who must change the password at first login. */
    @Transactional
    public long createContact(CurrentUser user, long employerId, String username, String displayName,
            String initialPassword) {
        requireKeeper(user);
        find(employerId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (blank(username) || blank(displayName) || blank(initialPassword)) {
            throw BusinessException.invalid("error.required");
        }
        if (!username.trim().matches("[A-Za-z0-9_.\\-]{3,32}")) {
            throw BusinessException.invalid("positions.contact.username-invalid");
        }
        if (initialPassword.length() < 8) {
            throw BusinessException.invalid("positions.contact.password-short");
        }
        long accountId = accounts.create(new NewAccount(username.trim(), displayName.trim(), initialPassword, true,
                List.of(Grant.of(Role.EMPLOYER, employerId))));
        audit.record("employer", employerId, "contact", Map.of("accountId", accountId, "username", username.trim()));
        return accountId;
    }

    /** The contact accounts of the employer. */
    public List<AccountView> contacts(CurrentUser user, long employerId) {
        require(user, employerId);
        List<AccountView> views = new ArrayList<>();
        for (long id : accounts.holdersOf(Grant.of(Role.EMPLOYER, employerId))) {
            accounts.find(id).ifPresent(views::add);
        }
        return views;
    }

    private static void requireKeeper(CurrentUser user) {
        if (!keeps(user)) {
            throw BusinessException.forbidden();
        }
    }

    private static EmployerForm validate(EmployerForm f) {
        if (f == null || blank(f.name()) || blank(f.city())) {
            throw BusinessException.invalid("error.required");
        }
        if (f.phone() != null && !f.phone().isBlank() && !f.phone().trim().matches("[0-9+\\- ]{5,30}")) {
            throw BusinessException.invalid("positions.employer.phone.invalid", f.phone());
        }
        return new EmployerForm(f.onCampus() == null || f.onCampus(), TextLimits.require("name", f.name(), 100),
                TextLimits.require("city", f.city(), 50), trim(TextLimits.require("address", f.address(), 200)),
                trim(TextLimits.require("contactPerson", f.contactPerson(), 50)), trim(f.phone()),
                f.active() == null || f.active());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Employer employer(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long agreementId = rs.getLong(9);
        Long agreement = rs.wasNull() ? null : agreementId;
        return new Employer(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getBoolean(8), agreement,
                rs.getString(10), rs.getObject(11, LocalDate.class), rs.getString(12));
    }
}
