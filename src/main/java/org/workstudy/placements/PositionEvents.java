package org.workstudy.placements;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.workstudy.positions.PositionCapacityChanged;
import org.workstudy.positions.PositionClosed;
import org.workstudy.positions.PositionPublished;

/** Keeps the places in step with the position bank. */
@Component
class PositionEvents {

    private final Seats seats;
    private final Applications applications;

    PositionEvents(Seats seats, Applications applications) {
        this.seats = seats;
        this.applications = applications;
    }

    @ApplicationModuleListener
    void on(PositionPublished event) {
        seats.ensure(event.positionId(), event.capacity());
    }

    @ApplicationModuleListener
    void on(PositionCapacityChanged event) {
        seats.ensure(event.positionId(), event.capacity());
        seats.resize(event.positionId(), event.capacity());
        applications.fillFromWaitlist(event.positionId());
    }

    @ApplicationModuleListener
    void on(PositionClosed event) {
        applications.cancelOpen(event.positionId(), event.status().name());
    }
}
