package org.workstudy.shared;

import java.util.Locale;

/**
 * Uploaded documents (agreements, certificates): a PDF, JPEG or PNG, told by its first bytes (never by its name), and
 * not larger than a limit. Errors use the caller's message keys: {@code <prefix>.empty}, {@code <prefix>.too-large}
 * (argument: the limit in MB) and {@code <prefix>.type}.
 */
public final class UploadedFiles {

    /** The default limit: 10 MB. */
    public static final long TEN_MB = 10L * 1024 * 1024;

    private UploadedFiles() {
    }

    /** The content type the bytes really are, or null when they are none of PDF, JPEG or PNG. */
    public static String contentTypeOf(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2D)) { // %PDF-
            return "application/pdf";
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        return null;
    }

    /** The content type of an acceptable file; refuses an empty, oversized or disguised one. */
    public static String check(byte[] bytes, long maxBytes, String messagePrefix) {
        if (bytes == null || bytes.length == 0) {
            throw BusinessException.invalid(messagePrefix + ".empty");
        }
        if (bytes.length > maxBytes) {
            throw BusinessException.invalid(messagePrefix + ".too-large", maxBytes / (1024 * 1024));
        }
        String type = contentTypeOf(bytes);
        if (type == null) {
            throw BusinessException.invalid(messagePrefix + ".type");
        }
        return type;
    }

    /** A file name safe to store and to send back in a Content-Disposition header, with the extension of its type. */
    public static String safeName(String name, String contentType, String fallback) {
        String base = cleanName(name, 150);
        String ext = switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            default -> ".png";
        };
        if (base.isEmpty()) {
            base = fallback;
        }
        String lower = base.toLowerCase(Locale.ROOT);
        return lower.endsWith(ext) || (ext.equals(".jpg") && lower.endsWith(".jpeg")) ? base : base + ext;
    }

    /**
     * An uploaded file's name as we keep it: path separators, reserved and control characters (NUL included, which
     * PostgreSQL refuses) become "_", and a name longer than {@code max} keeps its last {@code max} characters (the
     * end carries the extension). A file name is a label we give back, not text the user typed for us to store.
     */
    public static String cleanName(String name, int max) {
        String base = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return base.length() > max ? base.substring(base.length() - max) : base;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
