package org.workstudy.awards.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.awards.AwardRecord;
import org.workstudy.awards.AwardRecordForm;
import org.workstudy.awards.AwardRecords;
import org.workstudy.awards.internal.AwardLines.AwardList;
import org.workstudy.awards.internal.AwardLines.ClassAward;
import org.workstudy.awards.internal.AwardLines.CounselorAward;
import org.workstudy.awards.internal.AwardLines.StudentAward;
import org.workstudy.awards.internal.AwardLists;
import org.workstudy.awards.internal.AwardSettings;
import org.workstudy.awards.internal.ThresholdVersion;
import org.workstudy.identity.CurrentUser;

/**
 * Award eligibility (评先评优) of an academic year in the caller's scope: the center and leaders see the school, a vice
 * dean their college, a counselor their classes (and themselves among counselors); a college outside the scope is
 * 404, a malformed year 400 naming {@code academicYear}. Each list holds the eligible and the ones just below, with
 * the conditions met and lacked (message key, figures and text). Rewards and penalties: read in scope, recorded by
 * the center, who may also revoke them.
 */
@RestController
@RequestMapping("/api/v1/awards")
@Tag(name = "awards")
class AwardsApi {

    private final AwardLists lists;
    private final AwardSettings settings;
    private final AwardRecords records;

    AwardsApi(AwardLists lists, AwardSettings settings, AwardRecords records) {
        this.lists = lists;
        this.settings = settings;
        this.records = records;
    }

    @Operation(summary = "Students eligible for awards in the year (hours counted in the year or on track, no"
            + " penalty in force on the evaluation day) and those just below with what they lack")
    @GetMapping("/students")
    AwardList<StudentAward> students(
            @Parameter(description = "Academic year, e.g. 2025-2026 (default: the current one)")
            @RequestParam(required = false) String academicYear, @RequestParam(required = false) Long collegeId,
            Locale locale) {
        return lists.students(reader(), lists.filter(academicYear, collegeId), locale);
    }

    @Operation(summary = "Classes and their league branches (团支部: a class is its own branch) eligible in the year"
            + " (share on track, nobody in arrears past the window) and those just below")
    @GetMapping("/classes")
    AwardList<ClassAward> classes(@RequestParam(required = false) String academicYear,
            @RequestParam(required = false) Long collegeId, Locale locale) {
        return lists.classes(reader(), lists.filter(academicYear, collegeId), locale);
    }

    @Operation(summary = "Counselors eligible in the year (share of their students on track, confirmations decided"
            + " within the deadline) and those just below")
    @GetMapping("/counselors")
    AwardList<CounselorAward> counselors(@RequestParam(required = false) String academicYear,
            @RequestParam(required = false) Long collegeId, Locale locale) {
        return lists.counselors(reader(), lists.filter(academicYear, collegeId), locale);
    }

    @Operation(summary = "The threshold versions, newest first, each with the days it is in force")
    @GetMapping("/thresholds")
    List<ThresholdVersion> thresholds() {
        reader();
        return settings.versions();
    }

    @Operation(summary = "Rewards and penalties in the caller's scope (a student: their own), newest first;"
            + " studentNo narrows to one student")
    @GetMapping("/records")
    List<AwardRecord> records(@RequestParam(required = false) String studentNo) {
        return records.inScope(CurrentUser.require(), studentNo);
    }

    @Operation(summary = "Record a reward or penalty (center staff and director). category: PRAISE, OUTSTANDING"
            + " (rewards), NO_SHOW, FALSIFIED_HOURS, MISCONDUCT (penalties, validUntil required); dates as"
            + " 2026-03-01. 201 with the record; 400 naming the field")
    @PostMapping("/records")
    ResponseEntity<AwardRecord> record(@RequestBody AwardRecordForm form) {
        AwardRecord created = records.record(CurrentUser.require(), form);
        return ResponseEntity.created(URI.create("/api/v1/awards/records")).body(created);
    }

    /** The reason of a revocation. */
    record Revocation(String reason) {
    }

    @Operation(summary = "Revoke a reward or penalty (撤销; whoever may record one): the record stays, marked revoked"
            + " with who, when and the reason, and no longer counts for eligibility. 200 with the record; 422 naming"
            + " reason when it is empty; 404 outside the caller's scope; 409 when already revoked")
    @PostMapping("/records/{id}/revocation")
    AwardRecord revoke(@PathVariable long id, @RequestBody Revocation body) {
        return records.revoke(CurrentUser.require(), id, body == null ? null : body.reason());
    }

    private static CurrentUser reader() {
        CurrentUser user = CurrentUser.require();
        AwardLists.requireReader(user);
        return user;
    }
}
