package org.workstudy.delivery.internal;

/**
 * What the administrator submits; a blank {@code smtpPassword} keeps the stored one (pages never show it back),
 * {@code clearSmtpPassword} removes it.
 */
public record SchoolSettingsForm(boolean emailOn, String smtpHost, Integer smtpPort, String smtpSecurity,
        String smtpUsername, String smtpPassword, boolean clearSmtpPassword, String smtpFrom, boolean groupOn) {
}
