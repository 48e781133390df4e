package org.workstudy.identity;

import org.workstudy.shared.BusinessException;

/** A password of at least 8 characters with letters and digits, different from the username. */
final class PasswordRules {

    private PasswordRules() {
    }

    static void check(String username, String password) {
        if (password == null || password.length() < 8 || password.length() > 64
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw BusinessException.invalid("identity.password.weak");
        }
        if (password.equalsIgnoreCase(username)) {
            throw BusinessException.invalid("identity.password.same-as-username");
        }
    }
}
