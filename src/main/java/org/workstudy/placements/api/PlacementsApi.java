package org.workstudy.placements.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.identity.CurrentUser;
import org.workstudy.placements.internal.ApplicationView;
import org.workstudy.placements.Applications;
import org.workstudy.placements.ApplyOutcome;
import org.workstudy.placements.PlacementView;
import org.workstudy.placements.Placements;
import org.workstudy.placements.internal.SeatCount;

/** Applications and placements, with the same role and scope checks as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "placements")
class PlacementsApi {

    private final Applications applications;
    private final Placements placements;

    PlacementsApi(Applications applications, Placements placements) {
        this.applications = applications;
        this.placements = placements;
    }

    @Operation(summary = "Apply for a position (students). Idempotent: applying again returns the same application")
    @PostMapping("/positions/{id}/applications")
    ResponseEntity<ApplyOutcome> apply(@PathVariable long id) {
        ApplyOutcome outcome = applications.apply(CurrentUser.require(), id);
        return ResponseEntity.status(outcome.repeated() ? 200 : 201).body(outcome);
    }

    @Operation(summary = "Places of a position: capacity, accepted, waiting")
    @GetMapping("/positions/{id}/seats")
    SeatCount seats(@PathVariable long id) {
        return applications.seatsFor(CurrentUser.require(), id);
    }

    @Operation(summary = "The caller's own applications (students)")
    @GetMapping("/applications/mine")
    List<ApplicationView> mine() {
        return applications.mine(CurrentUser.require());
    }

    @Operation(summary = "Withdraw an own application; an accepted place goes to the first on the wait-list")
    @PostMapping("/applications/{id}/withdraw")
    ResponseEntity<Void> withdraw(@PathVariable long id) {
        applications.withdraw(CurrentUser.require(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Applicants of a position (its employer and the bank's managers)")
    @GetMapping("/positions/{id}/applications")
    List<ApplicationView> applicants(@PathVariable long id) {
        return applications.applicants(CurrentUser.require(), id);
    }

    // Named apart from the other APIs' Decision (approve): the OpenAPI document keeps one schema per simple name
    record ApplicationDecision(boolean accept, String reason) {
    }

    @Operation(summary = "Accept or reject an applicant (a rejection needs a reason)")
    @PostMapping("/applications/{id}/decision")
    ResponseEntity<Void> decide(@PathVariable long id, @RequestBody ApplicationDecision decision) {
        applications.decide(CurrentUser.require(), id, decision.accept(), decision.reason());
        return ResponseEntity.noContent().build();
    }

    record Arrangement(List<Long> studentIds, Long classId) {
    }

    @Operation(summary = "Place students, or a whole class, on a position: all or none (统一安排)")
    @PostMapping("/positions/{id}/placements")
    ResponseEntity<Integer> arrange(@PathVariable long id, @RequestBody Arrangement arrangement) {
        CurrentUser user = CurrentUser.require();
        int placed = arrangement.classId() != null ? placements.placeClass(user, id, arrangement.classId())
                : placements.place(user, id, arrangement.studentIds() == null ? List.of() : arrangement.studentIds());
        return ResponseEntity.status(201).body(placed);
    }

    @Operation(summary = "Students placed on a position")
    @GetMapping("/positions/{id}/placements")
    List<PlacementView> placed(@PathVariable long id) {
        return placements.ofPosition(CurrentUser.require(), id);
    }
}
