package org.workstudy.delivery.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.identity.ScopeDirectory;
import org.workstudy.identity.ScopeKind;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.TextLimits;

/**
 * The school's side of delivery, for administrators only: switching channels on, the SMTP server, the group robots
 * of classes and colleges, and the messages that could not be delivered (with a retry). Secrets (the SMTP password,
 * robot tokens and secrets) are written, never read back into pages; the audit trail records that they changed,
 * not their values.
 */
@Service
public class SchoolDelivery {

    private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7e]{1,200}");
    private static final List<String> SECURITIES = List.of("SSL", "STARTTLS", "NONE");

    private final DeliveryStore store;
    private final List<ScopeDirectory> scopes;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final RobotWebhooks webhooks;
    private final Clock clock;

    SchoolDelivery(DeliveryStore store, List<ScopeDirectory> scopes, Accounts accounts, AuditTrail audit,
            RobotWebhooks webhooks, Clock clock) {
        this.webhooks = webhooks;
        this.store = store;
        this.scopes = scopes;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Which channels the school has switched on (for everybody's own settings page; no server details). */
    public record Switches(boolean emailOn, boolean groupOn) {
    }

    public Switches switches() {
        SchoolSettings s = store.settings();
        return new Switches(s.emailOn(), s.groupOn());
    }

    public SchoolSettings settings(CurrentUser user) {
        requireAdmin(user);
        return store.settings();
    }

    @Transactional
    public void saveSettings(CurrentUser user, SchoolSettingsForm form) {
        requireAdmin(user);
        String host = blankAsNull(TextLimits.require("smtpHost", form.smtpHost(), 200));
        String username = blankAsNull(TextLimits.require("smtpUsername", form.smtpUsername(), 200));
        String from = blankAsNull(TextLimits.require("smtpFrom", form.smtpFrom(), 254));
        String password = TextLimits.require("smtpPassword", form.smtpPassword(), 200);
        int port = form.smtpPort() == null ? 465 : form.smtpPort();
        String security = form.smtpSecurity() == null ? "SSL" : form.smtpSecurity();
        if (port < 1 || port > 65535) {
            throw BusinessException.invalid("delivery.error.port").field("smtpPort");
        }
        if (!SECURITIES.contains(security)) {
            throw BusinessException.invalid("delivery.error.security").field("smtpSecurity");
        }
        if (from != null && !Addresses.isEmail(from)) {
            throw BusinessException.invalid("delivery.error.email").field("smtpFrom");
        }
        if (form.emailOn() && (host == null || from == null)) {
            throw BusinessException.invalid("delivery.error.smtp-needed").field(host == null ? "smtpHost" : "smtpFrom");
        }
        // blank keeps the stored password; "clear" removes it
        String newPassword = form.clearSmtpPassword() ? "" : (password == null || password.isEmpty() ? null : password);
        SchoolSettings saved = new SchoolSettings(form.emailOn(), host, port, security, username, false, from,
                form.groupOn());
        store.saveSettings(saved, newPassword, clock.instant(), user.username());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("emailOn", saved.emailOn());
        values.put("smtpHost", host);
        values.put("smtpPort", port);
        values.put("smtpSecurity", security);
        values.put("smtpUsername", username);
        values.put("smtpFrom", from);
        values.put("smtpPasswordChanged", newPassword != null);
        values.put("groupOn", saved.groupOn());
        audit.record("delivery.settings", 1, "UPDATE", values);
    }

    /** The robots with the name of their class or college. */
    public record RobotRow(Robot robot, String scopeName) {
    }

    public List<RobotRow> robots(CurrentUser user) {
        requireAdmin(user);
        return store.robots().stream().map(r -> new RobotRow(r,
                nameOf(ScopeKind.valueOf(r.scopeKind()), r.scopeId()))).toList();
    }

    /** Adds the robot of a class or college, or replaces the one it had. */
    @Transactional
    public void saveRobot(CurrentUser user, String scopeKind, Long scopeId, String provider, String webhook,
            String secret) {
        requireAdmin(user);
        if (!"CLASS".equals(scopeKind) && !"COLLEGE".equals(scopeKind)) {
            throw BusinessException.invalid("delivery.error.scope").field("scopeId");
        }
        if (scopeId == null || nameOf(ScopeKind.valueOf(scopeKind), scopeId) == null) {
            throw BusinessException.invalid("delivery.error.scope").field("scopeId");
        }
        Robot.Provider kind;
        try {
            kind = Robot.Provider.valueOf(provider == null ? "" : provider);
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("delivery.error.provider").field("provider");
        }
        String cleanWebhook = webhook == null ? "" : webhook.strip();
        if (!webhooks.allowed(cleanWebhook, kind)) {
            throw BusinessException.invalid("delivery.error.webhook." + kind).field("webhook");
        }
        String cleanSecret = secret == null || secret.isBlank() ? null : secret.strip();
        if (cleanSecret != null && (kind != Robot.Provider.DINGTALK || !SECRET.matcher(cleanSecret).matches())) {
            throw BusinessException.invalid("delivery.error.secret").field("secret");
        }
        store.saveRobot(scopeKind, scopeId, kind, cleanWebhook, cleanSecret);
        audit.record("delivery.robot", scopeKind + "#" + scopeId, "SAVE",
                Map.of("provider", kind.name(), "signed", cleanSecret != null));
    }

    @Transactional
    public void deleteRobot(CurrentUser user, long id) {
        requireAdmin(user);
        if (!store.deleteRobot(id)) {
            throw BusinessException.notFound("error.not-found");
        }
        audit.record("delivery.robot", id, "DELETE", Map.of());
    }

    /** How many queued copies are in each state. */
    public Map<String, Long> counts(CurrentUser user) {
        requireAdmin(user);
        return store.countsByStatus();
    }

    /** Copies that failed for good or wait for a retry after a failure, newest first, with whose they are. */
    public List<OutboxItem> troubles(CurrentUser user) {
        requireAdmin(user);
        List<OutboxItem> items = store.troubled(100);
        Map<Long, String> names = accounts.displayNames(items.stream().map(OutboxItem::accountId).distinct().toList());
        return items.stream().map(i -> new OutboxItem(i.id(), i.accountId(), names.get(i.accountId()), i.channel(),
                i.messageKey(), i.args(), i.status(), i.attempts(), i.createdAt(), i.nextAttemptAt(), i.sentAt(),
                i.target(), i.lastError())).toList();
    }

    /** Sends a failed copy again (with a fresh count of attempts) at the job's next run; {@code id} null: all. */
    @Transactional
    public int retry(CurrentUser user, Long id) {
        requireAdmin(user);
        int changed = store.retry(id, clock.instant());
        if (id != null && changed == 0) {
            throw BusinessException.notFound("error.not-found");
        }
        audit.record("delivery.outbox", id == null ? "all" : id, "RETRY", Map.of("rows", changed));
        return changed;
    }

    /** The classes or colleges a robot may be given to. */
    public List<ScopeDirectory.ScopeOption> options(CurrentUser user, ScopeKind kind) {
        requireAdmin(user);
        return scopes.stream().filter(d -> d.knows(kind)).findFirst().map(d -> d.options(kind)).orElse(List.of());
    }

    private String nameOf(ScopeKind kind, long id) {
        return scopes.stream().filter(d -> d.knows(kind)).findFirst().map(d -> d.nameOf(kind, id)).orElse(null);
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.acts(Role.ADMIN)) {
            throw BusinessException.forbidden();
        }
    }

    private static String blankAsNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
