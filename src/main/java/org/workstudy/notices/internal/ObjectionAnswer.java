package org.workstudy.notices.internal;

import java.time.LocalDate;

/** The deciding office's answer: upheld or dismissed, with the text; {@code withdrawnItemId}: the line it took off. */
public record ObjectionAnswer(boolean upheld, String answer, Long withdrawnItemId, String answeredBy,
        LocalDate answeredOn) {
}
