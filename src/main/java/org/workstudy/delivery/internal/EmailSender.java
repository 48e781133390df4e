package org.workstudy.delivery.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one e-mail through the school's SMTP server (settings in the database, so that the administrator can change
 * them without a restart). Plain text, UTF-8.
 */
@Component
class EmailSender {

    private final Duration timeout;

    EmailSender(@Value("${workstudy.delivery.timeout:PT10S}") Duration timeout) {
        this.timeout = timeout;
    }

    void send(DeliveryStore.Smtp smtp, String to, String subject, String body) throws SendFailed {
        if (smtp.host() == null || smtp.host().isBlank() || smtp.from() == null || smtp.from().isBlank()) {
            throw new SendFailed("SMTP server or sender address not set");
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        if (smtp.username() != null && !smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
        }
        Properties props = sender.getJavaMailProperties();
        String millis = String.valueOf(timeout.toMillis());
        props.put("mail.smtp.connectiontimeout", millis);
        props.put("mail.smtp.timeout", millis);
        props.put("mail.smtp.writetimeout", millis);
        props.put("mail.smtp.auth", String.valueOf(smtp.username() != null && !smtp.username().isBlank()));
        switch (smtp.security()) {
            case "SSL" -> props.put("mail.smtp.ssl.enable", "true");
            case "STARTTLS" -> {
                props.put("mail.smtp.starttls.enable", "true");
                props.put("mail.smtp.starttls.required", "true");
            }
            default -> { }
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(smtp.from());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            sender.send(message);
        } catch (MessagingException | MailException e) {
            throw new SendFailed("SMTP " + smtp.host() + ":" + smtp.port() + ": " + rootMessage(e), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
