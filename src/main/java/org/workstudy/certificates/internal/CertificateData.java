package org.workstudy.certificates.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.workstudy.credits.RecognitionBasis;
import org.workstudy.shared.Decimals;

/**
 * What a work-study certificate (勤工助学证明) says: the student, the course and how it was recognised, the
 * verification code (shown as ABCD-EFGH-JKMN) and where to check it ({@code verifyUrl}: the public base URL and
 * /verify/{code}, or the path alone without a base URL). {@code offsetHours}: the hours an offset covered.
 */
public record CertificateData(String schoolName, long studentId, String studentNo, String name, String collegeName,
        String majorName, String className, String courseName, BigDecimal credits, BigDecimal hours, BigDecimal days,
        BigDecimal offsetHours, LocalDate recognisedOn, String termCode, RecognitionBasis basis, String code,
        String verifyUrl) {

    public String hoursText() {
        return Decimals.plain(hours);
    }

    public String creditsText() {
        return Decimals.plain(credits);
    }

    public String offsetText() {
        return Decimals.plain(offsetHours);
    }
}
