package org.workstudy.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.PageResult;

/** Accounts and their grants: creating, finding, passwords, locking, granting and revoking roles. */
@Service
public class Accounts implements org.workstudy.audit.AuditActors {

    private static final String ENTITY = "account";
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailedLogins;
    private final Duration lockTime;

    Accounts(JdbcClient jdbc, JdbcTemplate batch, PasswordEncoder passwords, AuditTrail audit, Clock clock,
            @Value("${workstudy.security.max-failed-logins:5}") int maxFailedLogins,
            @Value("${workstudy.security.lock-minutes:15}") int lockMinutes) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.maxFailedLogins = maxFailedLogins;
        this.lockTime = Duration.ofMinutes(lockMinutes);
    }

    @Transactional
    public long create(NewAccount account) {
        return createAll(List.of(account)).get(0);
    }

    /**
     * Creates accounts in one batch (a roster import); returns their ids in order. Accounts without a password await
     * activation ({@link Activations}): nothing is hashed for them, so a whole school imports in seconds.
     */
    @Transactional
    public List<Long> createAll(List<NewAccount> accounts) {
        List<String> usernames = accounts.stream().map(NewAccount::username).toList();
        List<String> taken = takenUsernames(usernames);
        if (!taken.isEmpty()) {
            throw BusinessException.conflict("identity.username.taken", taken.get(0));
        }
        List<String> hashes = accounts.stream()
                .map(a -> a.awaitsActivation() ? null : passwords.encode(a.password())).toList();
        OffsetDateTime now = now();
        List<Object[]> rows = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            NewAccount a = accounts.get(i);
            rows.add(new Object[] {a.username(), a.displayName(), hashes.get(i),
                a.initialPassword() || a.awaitsActivation(), now});
        }
        inChunks(rows, chunk -> batch.batchUpdate("INSERT INTO identity_account (username, display_name,"
                + " password_hash, must_change_password, created_at) VALUES (?,?,?,?,?)", chunk));
        Map<String, Long> idByName = new HashMap<>();
        inChunks(usernames, chunk -> jdbc.sql("SELECT username, id FROM identity_account WHERE username IN (:names)")
                .param("names", chunk).query((rs, n) -> idByName.put(rs.getString(1), rs.getLong(2))).list());
        List<Long> ids = usernames.stream().map(idByName::get).toList();
        List<Object[]> grants = new ArrayList<>();
        Map<Object, Object> trail = new java.util.LinkedHashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            NewAccount a = accounts.get(i);
            for (Grant g : a.grants()) {
                grants.add(new Object[] {ids.get(i), g.role().name(), g.scopeKind().name(), g.scopeId()});
            }
            trail.put(ids.get(i), Map.of("username", a.username(), "displayName", a.displayName(),
                    "grants", a.grants().stream().map(Accounts::describe).toList()));
        }
        inChunks(grants, chunk -> batch.batchUpdate("INSERT INTO identity_grant (account_id, role, scope_kind, scope_id)"
                + " VALUES (?,?,?,?)", chunk));
        audit.recordAll(ENTITY, "create", trail);
        return ids;
    }

    private List<String> takenUsernames(List<String> usernames) {
        List<String> taken = new ArrayList<>();
        inChunks(usernames.stream().map(String::toLowerCase).toList(), chunk -> taken.addAll(
                jdbc.sql("SELECT username FROM identity_account WHERE lower(username) IN (:names)")
                        .param("names", chunk).query(String.class).list()));
        return taken;
    }

    private static <T> void inChunks(List<T> items, java.util.function.Consumer<List<T>> action) {
        for (int from = 0; from < items.size(); from += 1000) {
            action.accept(items.subList(from, Math.min(items.size(), from + 1000)));
        }
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("SELECT count(*) FROM identity_account WHERE lower(username) = lower(?)").param(username)
                .query(Long.class).single() > 0;
    }

    public Optional<AccountView> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::view).optional();
    }

    public Optional<AccountView> findByUsername(String username) {
        return jdbc.sql(SELECT + " WHERE lower(username) = lower(?)").param(username).query(this::view).optional();
    }

    /** Accounts whose username or name contains the text, optionally only those holding a role. */
    public PageResult<AccountView> search(String text, Role role, int page, int size) {
        size = PageResult.clampSize(size);
        String where = " WHERE (? = '' OR lower(username) LIKE ? OR display_name LIKE ?)"
                + (role == null ? "" : " AND id IN (SELECT account_id FROM identity_grant WHERE role = '" + role.name() + "')");
        String t = text == null ? "" : text.trim();
        Object[] params = {t, "%" + t.toLowerCase() + "%", "%" + t + "%"};
        long total = jdbc.sql("SELECT count(*) FROM identity_account" + where).params(params).query(Long.class).single();
        long offset = (long) page * size;
        List<AccountView> items = jdbc.sql(SELECT + where + " ORDER BY username LIMIT " + size + " OFFSET " + offset)
                .params(params).query(this::view).list();
        return new PageResult<>(items, page, size, total);
    }

    public List<Grant> grantsOf(long accountId) {
        return jdbc.sql("SELECT role, scope_kind, scope_id FROM identity_grant WHERE account_id = ? ORDER BY id")
                .param(accountId).query(Accounts::grant).list();
    }

    /** The accounts that hold exactly this grant (the counselors of a class, say). */
    public List<Long> holdersOf(Grant grant) {
        return jdbc.sql("SELECT account_id FROM identity_grant WHERE role = ? AND scope_kind = ? AND "
                        + (grant.scopeId() == null ? "scope_id IS NULL" : "scope_id = " + grant.scopeId())
                        + " ORDER BY account_id")
                .params(grant.role().name(), grant.scopeKind().name()).query(Long.class).list();
    }

    /** Display names of accounts, by username (as written in the audit trail and record histories). */
    @Override
    public Map<String, String> namesOf(Collection<String> usernames) {
        Map<String, String> names = new HashMap<>();
        if (!usernames.isEmpty()) {
            jdbc.sql("SELECT username, display_name FROM identity_account WHERE username IN (:names)")
                    .param("names", usernames).query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        }
        return names;
    }

    /** Display names of accounts, by id. */
    public Map<Long, String> displayNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, display_name FROM identity_account WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, n) -> names.put(rs.getLong(1), rs.getString(2))).list();
        }
        return names;
    }

    /** Display names of a role's holders by the scope they hold it on (a class's counselors), sorted by name. */
    public Map<Long, List<String>> holderNames(Role role, Collection<Long> scopeIds) {
        Map<Long, List<String>> names = new LinkedHashMap<>();
        if (!scopeIds.isEmpty()) {
            jdbc.sql("SELECT g.scope_id, a.display_name FROM identity_grant g JOIN identity_account a"
                            + " ON a.id = g.account_id WHERE g.role = :role AND g.scope_id IN (:ids)"
                            + " ORDER BY a.display_name")
                    .param("role", role.name()).param("ids", scopeIds)
                    .query((rs, n) -> names.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2)))
                    .list();
        }
        return names;
    }

    /** Who holds a role on which scope (each counselor with each class), for reports over every holder. */
    public record Holding(long accountId, String displayName, long scopeId) {
    }

    /** Every holding of a scoped role, by display name, then scope. */
    public List<Holding> holdings(Role role) {
        return jdbc.sql("SELECT g.account_id, a.display_name, g.scope_id FROM identity_grant g JOIN identity_account a"
                        + " ON a.id = g.account_id WHERE g.role = ? AND g.scope_id IS NOT NULL"
                        + " ORDER BY a.display_name, g.account_id, g.scope_id")
                .param(role.name())
                .query((rs, n) -> new Holding(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }

    /** The accounts holding the role on each of these scopes (a class's counselors), by scope id. */
    public Map<Long, List<Long>> holderIds(Role role, Collection<Long> scopeIds) {
        Map<Long, List<Long>> out = new LinkedHashMap<>();
        if (!scopeIds.isEmpty()) {
            jdbc.sql("SELECT scope_id, account_id FROM identity_grant WHERE role = :role AND scope_id IN (:ids)"
                            + " ORDER BY scope_id, account_id")
                    .param("role", role.name()).param("ids", scopeIds)
                    .query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
                    .list();
        }
        return out;
    }

    /** The scopes on which someone holds the role (the classes that have a counselor). */
    public Set<Long> scopesHeld(Role role) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT scope_id FROM identity_grant WHERE role = ? AND scope_id IS NOT NULL")
                .param(role.name()).query(Long.class).list());
    }

    /** How many accounts carry a lock from failed sign-ins (run out or not: an administrator clears it). */
    public long lockedCount() {
        return jdbc.sql("SELECT count(*) FROM identity_account WHERE locked_until IS NOT NULL").query(Long.class)
                .single();
    }

    @Transactional
    public void grant(long accountId, Grant grant) {
        if (grantsOf(accountId).contains(grant)) {
            return;
        }
        insertGrant(accountId, grant);
        audit.record(ENTITY, accountId, "grant", Map.of("grant", describe(grant)));
    }

    @Transactional
    public void revoke(long accountId, Grant grant) {
        int n = jdbc.sql("DELETE FROM identity_grant WHERE account_id = ? AND role = ? AND scope_kind = ? AND "
                        + (grant.scopeId() == null ? "scope_id IS NULL" : "scope_id = " + grant.scopeId()))
                .params(accountId, grant.role().name(), grant.scopeKind().name()).update();
        if (n > 0) {
            audit.record(ENTITY, accountId, "revoke", Map.of("grant", describe(grant)));
        }
    }

    @Transactional
    public void changePassword(long accountId, String current, String next) {
        String hash = jdbc.sql("SELECT password_hash FROM identity_account WHERE id = ?").param(accountId)
                .query(String.class).single();
        if (hash == null || !passwords.matches(current, hash)) {
            throw BusinessException.invalid("identity.password.current-wrong");
        }
        AccountView account = find(accountId).orElseThrow();
        PasswordRules.check(account.username(), next);
        if (passwords.matches(next, hash)) {
            throw BusinessException.invalid("identity.password.unchanged");
        }
        jdbc.sql("UPDATE identity_account SET password_hash = ?, must_change_password = FALSE WHERE id = ?")
                .params(passwords.encode(next), accountId).update();
        audit.record(ENTITY, accountId, "change-password", Map.of("password", "changed"));
    }

    @Transactional
    public void setEnabled(long accountId, boolean enabled) {
        AccountView before = find(accountId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        jdbc.sql("UPDATE identity_account SET enabled = ? WHERE id = ?").params(enabled, accountId).update();
        audit.recordChange(ENTITY, accountId, enabled ? "enable" : "disable", Map.of("enabled", before.enabled()),
                Map.of("enabled", enabled));
    }

    @Transactional
    public void rename(long accountId, String displayName) {
        AccountView before = find(accountId).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        if (!before.displayName().equals(displayName)) {
            jdbc.sql("UPDATE identity_account SET display_name = ? WHERE id = ?").params(displayName, accountId)
                    .update();
            audit.recordChange(ENTITY, accountId, "rename", Map.of("displayName", before.displayName()),
                    Map.of("displayName", displayName));
        }
    }

    @Transactional
    public void unlock(long accountId) {
        jdbc.sql("UPDATE identity_account SET failed_logins = 0, locked_until = NULL WHERE id = ?").param(accountId)
                .update();
        audit.record(ENTITY, accountId, "unlock", Map.of());
    }

    /** Counts a failed login; the last allowed failure locks the account for the lock time. */
    @Transactional
    void loginFailed(String username) {
        OffsetDateTime now = now();
        // A lock that has run out starts the count afresh.
        jdbc.sql("UPDATE identity_account SET failed_logins = 0, locked_until = NULL"
                + " WHERE lower(username) = lower(?) AND locked_until <= ?").params(username, now).update();
        Instant lockUntil = clock.instant().plus(lockTime);
        int updated = jdbc.sql("UPDATE identity_account SET failed_logins = failed_logins + 1,"
                        + " locked_until = CASE WHEN failed_logins + 1 >= ? THEN ? ELSE locked_until END"
                        + " WHERE lower(username) = lower(?)")
                .params(maxFailedLogins, lockUntil.atZone(clock.getZone()).toOffsetDateTime(), username).update();
        if (updated > 0 && findByUsername(username).map(a -> a.lockedAt(clock.instant())).orElse(false)) {
            audit.record(ENTITY, findByUsername(username).get().id(), "lock", Map.of("failedLogins", maxFailedLogins));
        }
    }

    void loginSucceeded(String username) {
        jdbc.sql("UPDATE identity_account SET failed_logins = 0, locked_until = NULL"
                + " WHERE lower(username) = lower(?) AND (failed_logins > 0 OR locked_until IS NOT NULL)")
                .param(username).update();
    }

    /** Password hash and state for the login check; package-private on purpose. */
    Optional<StoredCredentials> credentials(String username) {
        return jdbc.sql("SELECT id, username, display_name, password_hash, enabled, must_change_password, locked_until"
                        + " FROM identity_account WHERE lower(username) = lower(?)")
                .param(username)
                .query((rs, n) -> new StoredCredentials(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), instant(rs.getTimestamp(7))))
                .optional();
    }

    record StoredCredentials(long id, String username, String displayName, String passwordHash, boolean enabled,
            boolean mustChangePassword, Instant lockedUntil) {
    }

    static String describe(Grant g) {
        return g.role() + "@" + g.scopeKind() + (g.scopeId() == null ? "" : ":" + g.scopeId());
    }

    private void insertGrant(long accountId, Grant g) {
        jdbc.sql("INSERT INTO identity_grant (account_id, role, scope_kind, scope_id) VALUES (?,?,?,?)")
                .params(accountId, g.role().name(), g.scopeKind().name(), g.scopeId()).update();
    }

    private static final String SELECT = "SELECT id, username, display_name, enabled, must_change_password,"
            + " failed_logins, locked_until, password_hash IS NULL FROM identity_account";

    private AccountView view(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong(1);
        return new AccountView(id, rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5), rs.getInt(6),
                instant(rs.getTimestamp(7)), grantsOf(id), rs.getBoolean(8));
    }

    private static Grant grant(ResultSet rs, int n) throws SQLException {
        Long scopeId = rs.getObject(3, Long.class);
        return new Grant(Role.valueOf(rs.getString(1)), ScopeKind.valueOf(rs.getString(2)), scopeId);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private OffsetDateTime now() {
        return clock.instant().atZone(clock.getZone()).toOffsetDateTime();
    }
}
