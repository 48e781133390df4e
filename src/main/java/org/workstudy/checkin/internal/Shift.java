package org.workstudy.checkin.internal;

import java.math.BigDecimal;
import java.time.Instant;

/** A shift of a position: open while {@code closedAt} is null; the workplace when the supervisor gave it. */
public record Shift(long id, long positionId, long employerId, String positionTitle, String employerName,
        String openedBy, Instant openedAt, Instant closedAt, BigDecimal latitude, BigDecimal longitude,
        Integer radiusM, int checkedIn, int checkedOut) {

    public boolean open() {
        return closedAt == null;
    }

    public boolean hasPlace() {
        return latitude != null && longitude != null && radiusM != null;
    }
}
