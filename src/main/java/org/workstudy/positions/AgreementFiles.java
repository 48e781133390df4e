package org.workstudy.positions;

import org.workstudy.shared.UploadedFiles;

/**
 * What an agreement file may be: a PDF, JPEG or PNG, told by its first bytes (never by its name), and not larger than
 * the limit. The checks are those of {@link UploadedFiles}, with the agreement's messages.
 */
final class AgreementFiles {

    private AgreementFiles() {
    }

    /** The content type the bytes really are, or null when they are none of PDF, JPEG or PNG. */
    public static String contentTypeOf(byte[] bytes) {
        return UploadedFiles.contentTypeOf(bytes);
    }

    /** The content type of an acceptable file; refuses an empty, oversized or disguised one. */
    public static String check(byte[] bytes, long maxBytes) {
        return UploadedFiles.check(bytes, maxBytes, "positions.agreement");
    }

    /** A file name safe to store and to send back in a Content-Disposition header. */
    public static String safeName(String name, String contentType) {
        return UploadedFiles.safeName(name, contentType, "agreement");
    }
}
