package org.workstudy.delivery.internal;

/**
 * The school's delivery settings as pages show them: which channels are on and the SMTP server, never its password
 * (only whether one is set). {@code smtpSecurity} is SSL (implicit TLS, usually port 465), STARTTLS (usually 587)
 * or NONE (a relay inside the campus network).
 */
public record SchoolSettings(boolean emailOn, String smtpHost, int smtpPort, String smtpSecurity, String smtpUsername,
        boolean smtpPasswordSet, String smtpFrom, boolean groupOn) {
}
