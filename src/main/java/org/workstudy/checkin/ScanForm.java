package org.workstudy.checkin;

import java.math.BigDecimal;

/**
 * A scan or a typed code: the code, where the phone was (optional, from the browser's geolocation) and the random id
 * the student's browser keeps for itself (optional).
 */
public record ScanForm(String code, BigDecimal latitude, BigDecimal longitude, String device) {
}
