package org.workstudy.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts values kept at rest that must be read back in full (students' bank card numbers, delivery secrets): AES-256
 * in GCM mode, a random 12-byte IV per value, stored as {@code enc1:} followed by base64 of IV and ciphertext with its
 * tag. The key is 32 random bytes from configuration, never derived from the data: {@code workstudy.secrets.key}
 * (environment {@code WORKSTUDY_SECRETS_KEY}, base64) or, when that is empty, the file {@code workstudy.secrets.key-file}
 * (default {@code data/secrets.key}), made once with a random key by the first run that needs it (as the embedded
 * database's data folder is). Several instances must share one key: set the property there.
 *
 * <p>{@link #decrypt} gives a value without the prefix back as it is: rows written before encryption was introduced
 * are re-encrypted at startup by their module ({@link #isEncrypted} tells which); a value encrypted with another key is
 * an error that names the setting, never a silent wrong answer.
 */
@Component
public class SecretCipher {

    static final String PREFIX = "enc1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Log LOG = LogFactory.getLog(SecretCipher.class);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(@Value("${workstudy.secrets.key:}") String key,
            @Value("${workstudy.secrets.key-file:data/secrets.key}") String keyFile) {
        this.key = new SecretKeySpec(StringUtils.hasText(key) ? decodeKey(key, "workstudy.secrets.key")
                : fileKey(Path.of(keyFile).toAbsolutePath().normalize()), "AES");
    }

    /** The value encrypted (a new IV each time, so two encryptions of one value differ); null stays null. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The value decrypted; a value stored before encryption (no prefix) as it is; null stays null. */
    public String decrypt(String stored) {
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A stored encrypted value is damaged", e);
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("A stored encrypted value is damaged");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("A stored value was encrypted with another key: set workstudy.secrets.key"
                    + " (WORKSTUDY_SECRETS_KEY) or workstudy.secrets.key-file to the key it was written with", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Whether a stored value is already encrypted (rows from before encryption are not). */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static byte[] decodeKey(String text, String where) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not base64 (32 random bytes: openssl rand -base64 32)", e);
        }
        if (k.length != 32) {
            throw new IllegalStateException(where + " must be 32 bytes in base64 (openssl rand -base64 32), not "
                    + k.length);
        }
        return k;
    }

    /** Reads the key file, or makes it (readable by its owner only) with a random key when there is none. */
    private byte[] fileKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] k = new byte[32];
                random.nextBytes(k);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(k) + "\n", StandardCharsets.US_ASCII,
                            StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException e) {
                        // not a POSIX file system (Windows): the folder's permissions apply
                    }
                    LOG.warn("Made a new key for encrypted data in " + file + ": back it up with the database (without"
                            + " it bank card numbers and delivery secrets cannot be read); several instances need one"
                            + " key in workstudy.secrets.key (WORKSTUDY_SECRETS_KEY)");
                } catch (FileAlreadyExistsException e) {
                    // another instance made it first: read theirs
                }
            }
            return decodeKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or make the key file " + file
                    + " (workstudy.secrets.key-file); or set workstudy.secrets.key", e);
        }
    }
}
