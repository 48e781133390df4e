package org.workstudy.statistics;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.workstudy.hours.HoursConfirmed;
import org.workstudy.hours.HoursConfirmedBatch;
import org.workstudy.hours.WorkRecordVoided;
import org.workstudy.placements.PlacementAccepted;
import org.workstudy.placements.SelfArrangedVerified;

/**
 * Marks the students of other modules' events for the next refresh: cheap (one upsert), after the writer's commit,
 * so that statistics never slow down or fail the action that caused them.
 */
@Component
class StatisticsEvents {

    private final StatisticsRefresh refresh;

    StatisticsEvents(StatisticsRefresh refresh) {
        this.refresh = refresh;
    }

    @ApplicationModuleListener
    void on(HoursConfirmed event) {
        refresh.markDirty(List.of(event.studentId()));
    }

    @ApplicationModuleListener
    void on(HoursConfirmedBatch event) {
        refresh.markDirty(event.entries().stream().map(HoursConfirmed::studentId).toList());
    }

    @ApplicationModuleListener
    void on(WorkRecordVoided event) {
        refresh.markDirty(List.of(event.studentId()));
    }

    @ApplicationModuleListener
    void on(PlacementAccepted event) {
        refresh.markDirty(List.of(event.studentId()));
    }

    @ApplicationModuleListener
    void on(SelfArrangedVerified event) {
        refresh.markDirty(List.of(event.studentId()));
    }
}
