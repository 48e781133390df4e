package org.workstudy.placements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.workstudy.shared.BusinessException;

/**
 * The rules of self-arranged work (DESIGN §2 rules 5 and 6), free of storage so that they can be tested at their
 * edges.
 */
final class SelfArrangedRules {

    static final BigDecimal MAX_HOURS = new BigDecimal("2000");

    private SelfArrangedRules() {
    }

    /**
     * Checks and trims a registration made {@code today}. The work must not have started: a start date today or later
     * is accepted (registering on the start day is still before the work), a start date in the past is refused.
     */
    static SelfArrangedForm validate(SelfArrangedForm f, LocalDate today) {
        if (f == null || blank(f.employerName()) || blank(f.city()) || blank(f.address()) || blank(f.contactPerson())
                || blank(f.contactPhone()) || f.startsOn() == null || f.endsOn() == null || f.expectedHours() == null
                || blank(f.content())) {
            throw BusinessException.invalid("error.required");
        }
        SelfArrangedForm t = new SelfArrangedForm(f.employerName().trim(), f.city().trim(), f.address().trim(),
                f.contactPerson().trim(), f.contactPhone().trim(), f.startsOn(), f.endsOn(), f.expectedHours(),
                f.content().trim());
        if (t.employerName().length() > 200 || t.city().length() > 60 || t.address().length() > 300
                || t.contactPerson().length() > 60 || t.content().length() > 1000) {
            throw BusinessException.invalid("selfwork.too-long");
        }
        if (!t.contactPhone().matches("[0-9+()\\- ]{5,40}")) {
            throw BusinessException.invalid("selfwork.phone-invalid");
        }
        if (t.endsOn().isBefore(t.startsOn())) {
            throw BusinessException.invalid("selfwork.end-before-start");
        }
        if (t.startsOn().isBefore(today)) {
            throw BusinessException.invalid("selfwork.register-too-late");
        }
        if (t.expectedHours().signum() <= 0 || t.expectedHours().compareTo(MAX_HOURS) > 0
                || t.expectedHours().stripTrailingZeros().scale() > 2) {
            throw BusinessException.invalid("selfwork.hours-invalid", MAX_HOURS.toPlainString());
        }
        return t;
    }

    /** Whether the city is outside the home city: "厦门", "厦门市", "福建省厦门市" and "Xiamen" are all the home city. */
    static boolean outOfCity(String city, String homeCity) {
        return !normalize(city).equals(normalize(homeCity));
    }

    /** The vice dean approves before the work starts: the day before the start at the latest. */
    static boolean viceDeanInTime(LocalDate today, LocalDate startsOn) {
        return today.isBefore(startsOn);
    }

    /** An out-of-city registration not approved by the vice dean by the start date can no longer count. */
    static boolean expired(boolean outOfCity, SelfArrangedStatus status, LocalDate startsOn, LocalDate today) {
        return outOfCity && status.isPending() && !viceDeanInTime(today, startsOn);
    }

    static String normalize(String city) {
        if (city == null) {
            return "";
        }
        String c = city.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        int province = c.indexOf('省');
        if (province >= 0 && province < c.length() - 1) {
            c = c.substring(province + 1);
        }
        if (c.endsWith("市") && c.length() > 1) {
            c = c.substring(0, c.length() - 1);
        }
        if (c.endsWith("city") && c.length() > 4) {
            c = c.substring(0, c.length() - 4);
        }
        return c.equals("xiamen") ? "厦门" : c;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
