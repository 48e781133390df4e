package org.workstudy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ActivationCodeTest {

    @Test
    void aCodeIs16UnambiguousCharactersInFourGroups() {
        String code = ActivationCode.generate();
        assertThat(code).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");
        assertThat(code).doesNotContain("0", "1", "O", "I");
        // 32 symbols, 16 of them: 80 random bits
        assertThat(ActivationCode.ALPHABET.chars().distinct().count()).isEqualTo(32);
        assertThat(Math.log(Math.pow(ActivationCode.ALPHABET.length(), ActivationCode.LENGTH)) / Math.log(2))
                .isEqualTo(80.0);
    }

    @Test
    void codesDoNotRepeatAndUseTheWholeAlphabet() {
        SecureRandom random = new SecureRandom();
        Set<String> codes = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = ActivationCode.generate(random);
            codes.add(code);
            code.replace("-", "").chars().forEach(c -> seen.add((char) c));
        }
        assertThat(codes).hasSize(10_000);
        assertThat(seen).hasSize(32);
    }

    @Test
    void theStoredFormIsTheSha256OfTheNormalizedCode() {
        // SHA-256 of "ABCDEFGHJKLMNPQR", as `printf ABCDEFGHJKLMNPQR | sha256sum` prints it
        assertThat(ActivationCode.hash("ABCD-EFGH-JKLM-NPQR"))
                .isEqualTo("7cf629bb82226bfb6356859edb341b8f36a74d8997c4fe385dbef6dc85c5c4bb");
        // what a person types: any case, spaces or dashes anywhere
        String stored = ActivationCode.hash("ABCD-EFGH-JKLM-NPQR");
        assertThat(ActivationCode.matches("abcd efgh jklm npqr", stored)).isTrue();
        assertThat(ActivationCode.matches(" ABCDEFGH-JKLMNPQR ", stored)).isTrue();
        assertThat(ActivationCode.matches("ABCD-EFGH-JKLM-NPQS", stored)).isFalse();
        assertThat(ActivationCode.matches("ABCD-EFGH-JKLM", stored)).isFalse();
        assertThat(ActivationCode.matches(null, stored)).isFalse();
        assertThat(ActivationCode.matches("ABCD-EFGH-JKLM-NPQR", null)).isFalse();
    }

    @Test
    void aPasswordDoesNotLookLikeACode() {
        assertThat(ActivationCode.looksLikeCode("Demo1234")).isFalse();
        assertThat(ActivationCode.looksLikeCode("016230")).isFalse();
        assertThat(ActivationCode.looksLikeCode("ABCD-EFGH-JKLM-NPQ0")).isFalse();
        assertThat(ActivationCode.looksLikeCode(ActivationCode.generate())).isTrue();
    }

    @Test
    void aCodeWorksUntilItExpiresAndNeverWhenWrong() {
        String code = ActivationCode.generate();
        String stored = ActivationCode.hash(code);
        Instant issued = Instant.parse("2026-09-01T00:00:00Z");
        Instant expires = issued.plus(Duration.ofDays(30));
        assertThat(Activations.check(code, stored, expires, issued)).isEqualTo(Activations.Check.VALID);
        assertThat(Activations.check(code, stored, expires, expires.minusSeconds(1))).isEqualTo(Activations.Check.VALID);
        assertThat(Activations.check(code, stored, expires, expires)).isEqualTo(Activations.Check.EXPIRED);
        assertThat(Activations.check(code, stored, expires, expires.plus(Duration.ofDays(1))))
                .isEqualTo(Activations.Check.EXPIRED);
        assertThat(Activations.check(ActivationCode.generate(), stored, expires, issued))
                .isEqualTo(Activations.Check.WRONG);
        // an expired code says "expired" only to whoever holds the right code
        assertThat(Activations.check(ActivationCode.generate(), stored, expires, expires.plusSeconds(1)))
                .isEqualTo(Activations.Check.WRONG);
    }
}
