package org.workstudy.checkin;

import java.math.BigDecimal;

import org.workstudy.shared.BusinessException;

/**
 * The workplace and where the phone was: the checks of a shift's place and of a scan's location and device, and the
 * distance between them (haversine; metres are all that matters at a workplace's scale).
 */
final class Workplace {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private Workplace() {
    }

    static double metres(double lat1, double lng1, double lat2, double lng2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lng2 - lng1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Metres between the shift's workplace and where the student was, when both are known. */
    static Integer metres(CheckinStore.ShiftRow shift, Checkins.ShiftPlace where) {
        if (shift.latitude() == null || shift.longitude() == null || where.latitude() == null) {
            return null;
        }
        return (int) Math.round(metres(shift.latitude().doubleValue(), shift.longitude().doubleValue(),
                where.latitude().doubleValue(), where.longitude().doubleValue()));
    }

    /** A shift's workplace: none at all, or latitude, longitude and a radius of 10 m to 100 km. */
    static Checkins.ShiftPlace checkPlace(Checkins.ShiftPlace place) {
        if (place == null || (place.latitude() == null && place.longitude() == null && place.radiusM() == null)) {
            return new Checkins.ShiftPlace(null, null, null);
        }
        checkCoordinates(place.latitude(), place.longitude());
        if (place.latitude() == null) {
            throw BusinessException.invalid("checkin.place.incomplete").field("latitude");
        }
        if (place.longitude() == null) {
            throw BusinessException.invalid("checkin.place.incomplete").field("longitude");
        }
        if (place.radiusM() == null || place.radiusM() < 10 || place.radiusM() > 100_000) {
            throw BusinessException.invalid("checkin.place.radius").field("radiusM");
        }
        return place;
    }

    /** Where the phone was when it scanned: both coordinates or neither. */
    static Checkins.ShiftPlace checkLocation(ScanForm form) {
        checkCoordinates(form.latitude(), form.longitude());
        if ((form.latitude() == null) != (form.longitude() == null)) {
            throw BusinessException.invalid("checkin.place.incomplete").field(form.latitude() == null ? "latitude"
                    : "longitude");
        }
        return new Checkins.ShiftPlace(form.latitude(), form.longitude(), null);
    }

    /** The random id the student's browser keeps, or null when it sent none. */
    static String checkDevice(String device) {
        if (device == null || device.isBlank()) {
            return null;
        }
        if (!device.matches("[A-Za-z0-9_-]{8,64}")) {
            throw BusinessException.invalid("checkin.device.invalid").field("device");
        }
        return device;
    }

    private static void checkCoordinates(BigDecimal lat, BigDecimal lng) {
        if (lat != null && (lat.abs().compareTo(BigDecimal.valueOf(90)) > 0)) {
            throw BusinessException.invalid("checkin.place.latitude").field("latitude");
        }
        if (lng != null && (lng.abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
            throw BusinessException.invalid("checkin.place.longitude").field("longitude");
        }
    }
}
