package org.workstudy.placements;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.workstudy.positions.PositionCapacityChanged;
import org.workstudy.positions.PositionClosed;
import org.workstudy.positions.PositionPublished;
import org.workstudy.positions.PositionStatus;

/** Keeps the places in step with the position bank. */
@Component
class PositionEvents {

    private final Seats seats;
    private final Applications applications;
    private final Placements placements;

    PositionEvents(Seats seats, Applications applications, Placements placements) {
        this.seats = seats;
        this.applications = applications;
        this.placements = placements;
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
        if (event.status() == PositionStatus.CANCELLED) {
            placements.endAllOfCancelled(event.positionId(), event.reason(), event.at());
        }
    }
}
