package org.workstudy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.workstudy.shared.BusinessException;

class PasswordRulesTest {

    private static String refusal(String username, String password) {
        try {
            PasswordRules.check(username, password);
            return null;
        } catch (BusinessException e) {
            return e.messageKey();
        }
    }

    @Test
    void goodPasswordsPass() {
        assertThatCode(() -> PasswordRules.check("202500600126", "Xiamen2026go")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordRules.check("fdy012", "Demo1234")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordRules.check("admin", "Tea4two-cups")).doesNotThrowAnyException();
    }

    @Test
    void commonPasswordsAreRefusedInAnyCase() {
        assertThat(refusal("202500600126", "password1")).isEqualTo("identity.password.common");
        assertThat(refusal("202500600126", "PassWord1")).isEqualTo("identity.password.common");
        assertThat(refusal("202500600126", "woaini1314")).isEqualTo("identity.password.common");
        assertThat(refusal("202500600126", "1qaz2wsx")).isEqualTo("identity.password.common");
        assertThat(PasswordRules.commonPasswordCount()).isGreaterThan(3_400);
    }

    @Test
    void thePasswordMayNotContainTheUsernameNorItDoubledNorReversed() {
        assertThat(refusal("202500600126", "a202500600126")).isEqualTo("identity.password.contains-username");
        assertThat(refusal("zhang3", "zhang3zhang3")).isEqualTo("identity.password.contains-username");
        assertThat(refusal("zhang3", "ZHANG3-ok")).isEqualTo("identity.password.contains-username");
        assertThat(refusal("zhang3", "3gnahz-ok")).isEqualTo("identity.password.contains-username");
    }

    @Test
    void lettersAndDigitsAndLengthAreRequired() {
        assertThat(refusal("u1", "onlyletters")).isEqualTo("identity.password.needs-digit");
        assertThat(refusal("u1", "84736251")).isEqualTo("identity.password.needs-letter");
        assertThat(refusal("u1", "ab1")).isEqualTo("identity.password.too-short");
        assertThat(refusal("u1", "")).isEqualTo("identity.password.too-short");
        assertThat(refusal("u1", "a1" + "x".repeat(63))).isEqualTo("identity.password.too-long");
    }

    @Test
    void repeatsAndRunsAreRefused() {
        assertThat(refusal("u1", "aaaaaaa1")).isEqualTo("identity.password.repeated");
        assertThat(refusal("u1", "Xm12345go")).isEqualTo("identity.password.sequence");
        assertThat(refusal("u1", "abcdefg7")).isEqualTo("identity.password.sequence");
        assertThat(refusal("u1", "qwerty78")).isIn("identity.password.sequence", "identity.password.common");
    }

    @Test
    void everyRefusalHasAChineseAndAnEnglishMessage() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/identity");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        for (String key : new String[] {"identity.password.common", "identity.password.contains-username",
                "identity.password.needs-digit", "identity.password.needs-letter", "identity.password.too-short",
                "identity.password.too-long", "identity.password.repeated", "identity.password.sequence"}) {
            String zh = messages.getMessage(key, new Object[] {8}, Locale.SIMPLIFIED_CHINESE);
            String en = messages.getMessage(key, new Object[] {8}, Locale.ENGLISH);
            assertThat(zh).as(key).containsPattern("\\p{IsHan}");
            assertThat(en).as(key).doesNotContainPattern("\\p{IsHan}").isNotEqualTo(zh);
        }
        assertThat(messages.getMessage("identity.password.too-short", new Object[] {8}, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("密码至少8位。");
        assertThatThrownBy(() -> PasswordRules.check("u1", "password1")).isInstanceOf(BusinessException.class);
    }
}
