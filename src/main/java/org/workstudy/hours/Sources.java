package org.workstudy.hours;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.workstudy.placements.PlacementView;
import org.workstudy.placements.Placements;
import org.workstudy.placements.SelfArrangedStatus;
import org.workstudy.placements.SelfArrangedView;
import org.workstudy.placements.SelfArrangedWork;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionView;
import org.workstudy.positions.TimeKind;
import org.workstudy.hours.internal.WorkSource;

/** What the ledger needs to know of the placements and self-arranged registrations hours are recorded for. */
@Component
class Sources {

    private final Placements placements;
    private final PositionBank positions;
    private final SelfArrangedWork selfArranged;
    private final ZoneId zone;

    Sources(Placements placements, PositionBank positions, SelfArrangedWork selfArranged, java.time.Clock clock) {
        this.placements = placements;
        this.positions = positions;
        this.selfArranged = selfArranged;
        this.zone = clock.getZone();
    }

    /** A source of a student with its facts for the counting rules and what the register shows of it. */
    record Resolved(SourceKind kind, long id, SourceFacts facts, Long positionId, Long employerId,
            String employerName, String place, String title) {
    }

    /** The student's source, or empty when it is not theirs (or does not exist). */
    Optional<Resolved> resolve(long studentId, SourceKind kind, long sourceId) {
        if (kind == SourceKind.PLACEMENT) {
            return placements.ofStudent(studentId).stream().filter(p -> p.id() == sourceId).findFirst()
                    .flatMap(p -> positions.find(p.positionId()).map(pos -> placement(p, pos)));
        }
        return selfArranged(sourceId).filter(v -> v.studentId() == studentId).map(Sources::selfArranged);
    }

    /**
     * A resolver for the records of a batch: the students' placements and their positions read once (two queries),
     * instead of twice per student. Self-arranged sources are looked up as {@link #resolve} does.
     */
    Resolver resolver(java.util.Collection<Long> studentIds) {
        java.util.Map<Long, List<PlacementView>> byStudent = placements.ofStudents(studentIds);
        java.util.Map<Long, PositionView> byPosition = new java.util.HashMap<>();
        positions.findAll(byStudent.values().stream().flatMap(List::stream).map(PlacementView::positionId).distinct()
                .toList()).forEach(p -> byPosition.put(p.id(), p));
        return (studentId, kind, sourceId) -> {
            if (kind == SourceKind.PLACEMENT) {
                return byStudent.getOrDefault(studentId, List.of()).stream().filter(p -> p.id() == sourceId)
                        .findFirst().flatMap(p -> Optional.ofNullable(byPosition.get(p.positionId()))
                                .map(pos -> placement(p, pos)));
            }
            return resolve(studentId, kind, sourceId);
        };
    }

    /** Resolves a student's source (see {@link #resolve}). */
    interface Resolver {
        Optional<Resolved> resolve(long studentId, SourceKind kind, long sourceId);
    }

    /** Placements (on positions of the given employers only, when not null) and approved self-arranged work. */
    List<WorkSource> of(long studentId, java.util.Set<Long> onlyEmployers) {
        List<WorkSource> out = new ArrayList<>();
        for (PlacementView p : placements.ofStudent(studentId)) {
            positions.find(p.positionId())
                    .filter(pos -> onlyEmployers == null || onlyEmployers.contains(pos.employerId()))
                    .ifPresent(pos -> out.add(new WorkSource(SourceKind.PLACEMENT, p.id(), pos.title(),
                            pos.employerName(), pos.place(), pos.workFrom(), pos.workTo(),
                            pos.timeKinds().contains(TimeKind.EVENING), p.active())));
        }
        if (onlyEmployers == null) {
            for (SelfArrangedView v : selfArrangedOf(studentId)) {
                if (v.counselorApprovedOn() != null && v.status() != SelfArrangedStatus.REFUSED
                        && v.status() != SelfArrangedStatus.WITHDRAWN && v.status() != SelfArrangedStatus.RETURNED) {
                    out.add(new WorkSource(SourceKind.SELF_ARRANGED, v.id(), v.content(), v.employerName(),
                            place(v), v.startsOn(), v.endsOn(), true, true));
                }
            }
        }
        return out;
    }

    /** The current facts of a source an entry was written for (a certificate may have been verified since). */
    Optional<SourceFacts> factsOf(EntryRow row) {
        if (row.sourceKind() == SourceKind.SELF_ARRANGED) {
            return selfArranged(row.sourceId()).map(SourceFacts.SelfArranged::new);
        }
        return Optional.empty();
    }

    /**
     * Why an entry does not count on its date, by the current facts of its source (self-arranged work only; cached
     * per source for one evaluation): for {@link LedgerView#evaluate}.
     */
    Function<EntryRow, Optional<String>> notCounting() {
        Map<Long, Optional<SourceFacts>> cache = new HashMap<>();
        return row -> row.sourceKind() != SourceKind.SELF_ARRANGED ? Optional.empty()
                : cache.computeIfAbsent(row.sourceId(), id -> factsOf(row))
                        .map(f -> CountingRules.notCountingReason(f, row.workDate()))
                        .orElse(Optional.of("hours.not-counted.self-arranged"));
    }

    /** The current facts of a self-arranged registration, by id. */
    Optional<SourceFacts> selfArrangedFacts(long id) {
        return selfArranged(id).map(SourceFacts.SelfArranged::new);
    }

    private Resolved placement(PlacementView p, PositionView pos) {
        LocalDate ended = p.endedAt() == null ? null : p.endedAt().atZone(zone).toLocalDate();
        return new Resolved(SourceKind.PLACEMENT, p.id(), new SourceFacts.Placement(
                pos.timeKinds().contains(TimeKind.EVENING), pos.workFrom(), pos.workTo(), ended,
                p.cancellationReason()), pos.id(),
                pos.employerId(), pos.employerName(), pos.place(), pos.title());
    }

    private static Resolved selfArranged(SelfArrangedView v) {
        return new Resolved(SourceKind.SELF_ARRANGED, v.id(), new SourceFacts.SelfArranged(v), null, null,
                v.employerName(), place(v), v.content());
    }

    private static String place(SelfArrangedView v) {
        return (v.city() == null ? "" : v.city() + " ") + (v.address() == null ? "" : v.address());
    }

    // Until the self-arranged registrations of the selfwork branch are merged, its facade answers "not yet": the
    // ledger then knows no self-arranged work. Remove the catches once SelfArrangedWork is implemented.
    private Optional<SelfArrangedView> selfArranged(long id) {
        return selfArranged.find(id);
    }

    private List<SelfArrangedView> selfArrangedOf(long studentId) {
        return selfArranged.ofStudent(studentId);
    }
}
