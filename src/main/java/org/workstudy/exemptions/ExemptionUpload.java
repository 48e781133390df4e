package org.workstudy.exemptions;

/** An evidence file as uploaded: the name the student gave it and its bytes (its type is told by the bytes). */
public record ExemptionUpload(String fileName, byte[] content) {
}
