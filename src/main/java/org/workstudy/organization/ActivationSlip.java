package org.workstudy.organization;

import java.time.ZonedDateTime;

/**
 * One line of an activation sheet: the 学号 (or 工号), the name, and the one-time code with its expiry; no code (null)
 * for an account whose holder has already set a password.
 */
public record ActivationSlip(String number, String name, String code, ZonedDateTime expiresAt) {

    public boolean activated() {
        return code == null;
    }
}
