package org.workstudy.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-GCM with a key from configuration: round trip, a new IV per value, another key refused, the key file. */
class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER = Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes());

    @Test
    void encryptsWithANewIvEachTimeAndReadsItBack() {
        SecretCipher cipher = new SecretCipher(KEY, "unused");
        String a = cipher.encrypt("6222021234567890123");
        String b = cipher.encrypt("6222021234567890123");
        assertThat(a).startsWith("enc1:").doesNotContain("6222").isNotEqualTo(b);
        assertThat(cipher.decrypt(a)).isEqualTo("6222021234567890123");
        assertThat(cipher.decrypt(b)).isEqualTo("6222021234567890123");
        assertThat(cipher.decrypt(cipher.encrypt("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=密钥")))
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=密钥");
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        // a value stored before encryption is read as it is (and re-encrypted at startup by its module)
        assertThat(cipher.decrypt("6228480012345678")).isEqualTo("6228480012345678");
        assertThat(SecretCipher.isEncrypted(a)).isTrue();
        assertThat(SecretCipher.isEncrypted("6228480012345678")).isFalse();
    }

    @Test
    void aValueOfAnotherKeyOrATamperedOneIsAnErrorNamingTheSetting() {
        String sealed = new SecretCipher(KEY, "unused").encrypt("secret");
        assertThatThrownBy(() -> new SecretCipher(OTHER, "unused").decrypt(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("workstudy.secrets.key");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(5));
        raw[raw.length - 1] ^= 1;
        String tampered = "enc1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> new SecretCipher(KEY, "unused").decrypt(tampered))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> new SecretCipher(Base64.getEncoder().encodeToString(new byte[16]), "unused"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SecretCipher("not base64!", "unused"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
    }

    @Test
    void withoutAKeyTheFirstRunMakesAKeyFileAndLaterRunsReadIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/secrets.key");
        SecretCipher first = new SecretCipher("", file.toString());
        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(Files.getPosixFilePermissions(file)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        String sealed = first.encrypt("smtp-password");
        assertThat(new SecretCipher("", file.toString()).decrypt(sealed)).isEqualTo("smtp-password");
        // another folder, another random key
        assertThatThrownBy(() -> new SecretCipher("", dir.resolve("other/secrets.key").toString()).decrypt(sealed))
                .isInstanceOf(IllegalStateException.class);
    }
}
