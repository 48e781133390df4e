package org.workstudy.notices;

/** What a public notice (公示) lists: granted exemptions and offsets, or a college's recognised credits. */
public enum NoticeKind {
    EXEMPTION, RECOGNITION
}
