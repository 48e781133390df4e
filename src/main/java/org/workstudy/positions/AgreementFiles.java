package org.workstudy.positions;

import org.workstudy.shared.BusinessException;

/**
 * What an agreement file may be: a PDF, JPEG or PNG, told by its first bytes (never by its name), and not larger than
 * the limit.
 */
public final class AgreementFiles {

    private AgreementFiles() {
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
    public static String check(byte[] bytes, long maxBytes) {
        if (bytes == null || bytes.length == 0) {
            throw BusinessException.invalid("positions.agreement.empty");
        }
        if (bytes.length > maxBytes) {
            throw BusinessException.invalid("positions.agreement.too-large", maxBytes / (1024 * 1024));
        }
        String type = contentTypeOf(bytes);
        if (type == null) {
            throw BusinessException.invalid("positions.agreement.type");
        }
        return type;
    }

    /** A file name safe to store and to send back in a Content-Disposition header. */
    public static String safeName(String name, String contentType) {
        String base = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\r\\n]", "_").trim();
        if (base.length() > 150) {
            base = base.substring(base.length() - 150);
        }
        String ext = switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            default -> ".png";
        };
        if (base.isEmpty()) {
            base = "agreement";
        }
        return base.toLowerCase(java.util.Locale.ROOT).endsWith(ext)
                || (ext.equals(".jpg") && base.toLowerCase(java.util.Locale.ROOT).endsWith(".jpeg")) ? base : base + ext;
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
