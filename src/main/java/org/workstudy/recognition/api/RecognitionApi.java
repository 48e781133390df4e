package org.workstudy.recognition.api;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.recognition.internal.RecognitionProposal;
import org.workstudy.recognition.Recognitions;
import org.workstudy.recognition.internal.RecognitionDetail;
import org.workstudy.recognition.internal.RecognitionExport;
import org.workstudy.recognition.internal.RecognitionView;
import org.workstudy.recognition.web.RecognitionDownloads;
import org.workstudy.identity.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Credit recognition (学分认定) with the same checks as the pages: college staff see their college, the school-wide
 * offices every college; only the college's vice dean submits; academic affairs and the center director decide.
 */
@RestController
@RequestMapping("/api/v1/recognitions")
@Tag(name = "credit recognition")
class RecognitionApi {

    private final Recognitions recognitions;
    private final RecognitionExport export;

    RecognitionApi(Recognitions recognitions, RecognitionExport export) {
        this.recognitions = recognitions;
        this.export = export;
    }

    @Operation(summary = "The proposal of a college and cohort: each open student, qualifying or with the hours missing")
    @GetMapping("/proposal")
    RecognitionProposal proposal(@RequestParam long collegeId, @RequestParam int cohort) {
        return recognitions.proposal(CurrentUser.require(), collegeId, cohort);
    }

    record Submission(long collegeId, int cohort) {
    }

    @Operation(summary = "Submit the qualifying students of the proposal as a list (the college's vice dean)")
    @PostMapping
    ResponseEntity<RecognitionDetail> submit(@RequestBody Submission submission) {
        CurrentUser user = CurrentUser.require();
        long id = recognitions.submit(user, submission.collegeId(), submission.cohort());
        return ResponseEntity.status(201).body(recognitions.get(user, id));
    }

    @Operation(summary = "The lists the user may see, newest first; optionally of a college and/or cohort")
    @GetMapping
    List<RecognitionView> list(@RequestParam(required = false) Long collegeId,
            @RequestParam(required = false) Integer cohort) {
        return recognitions.list(CurrentUser.require(), collegeId, cohort);
    }

    @Operation(summary = "The lists waiting for the user's decision (academic affairs, center director)")
    @GetMapping("/waiting")
    List<RecognitionView> waiting() {
        return recognitions.waitingFor(CurrentUser.require());
    }

    @Operation(summary = "A list with its students and the offices' decisions")
    @GetMapping("/{id}")
    RecognitionDetail get(@PathVariable long id) {
        return recognitions.get(CurrentUser.require(), id);
    }

    record Decision(boolean approve, String reason) {
    }

    @Operation(summary = "Approve, or return with a reason (academic affairs, center director); both must approve")
    @PostMapping("/{id}/decision")
    RecognitionDetail decide(@PathVariable long id, @RequestBody Decision decision) {
        CurrentUser user = CurrentUser.require();
        recognitions.decide(user, id, decision.approve(), decision.reason());
        return recognitions.get(user, id);
    }

    @Operation(summary = "The registrar's .xlsx of the final credit records of a cohort (a college, or the whole"
            + " school for school-wide offices)")
    @GetMapping("/export")
    void export(@RequestParam(required = false) Long collegeId, @RequestParam int cohort, Locale locale,
            HttpServletResponse response) throws IOException {
        RecognitionDownloads.export(export, recognitions, CurrentUser.require(), collegeId, cohort, locale, response);
    }
}
