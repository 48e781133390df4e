package org.workstudy.notices.api;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.notices.NoticeBoard;
import org.workstudy.notices.NoticeSummary;
import org.workstudy.identity.CurrentUser;
import org.workstudy.notices.internal.NoticeDetail;
import org.workstudy.notices.internal.NoticePages;
import org.workstudy.notices.internal.ObjectionView;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Public notices (公示) with the same checks as the pages: a notice is read (and objected to) by the students and staff
 * of its scope, anyone else gets 404; objections are answered by the kind's deciding office.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "public notices")
class NoticeApi {

    private final NoticeBoard board;
    private final NoticePages pages;

    NoticeApi(NoticeBoard board, NoticePages pages) {
        this.board = board;
        this.pages = pages;
    }

    @Operation(summary = "The running and recent notices the user may read (not employers)")
    @GetMapping("/notices")
    List<NoticeSummary> list() {
        return board.board(CurrentUser.require());
    }

    @Operation(summary = "A notice with its lines, the caller's objections (all, for the deciding office)")
    @GetMapping("/notices/{id}")
    NoticeDetail get(@PathVariable long id) {
        return pages.detail(CurrentUser.require(), id);
    }

    record NewObjection(Long itemId, String reason) {
    }

    @Operation(summary = "Object while the notice runs: a reason (≤ 500 characters), optionally about one line (itemId)")
    @PostMapping("/notices/{id}/objections")
    ResponseEntity<ObjectionView> object(@PathVariable long id, @RequestBody NewObjection objection) {
        CurrentUser user = CurrentUser.require();
        long objectionId = board.object(user, id, objection.itemId(), objection.reason());
        return ResponseEntity.status(201).body(pages.objection(user, objectionId));
    }

    @Operation(summary = "The deciding office's open objections")
    @GetMapping("/objections")
    List<ObjectionView> open() {
        return pages.openObjections(CurrentUser.require());
    }

    record Answer(boolean uphold, String answer, Long itemId) {
    }

    @Operation(summary = "Answer an objection (the deciding office): dismiss, or uphold — which takes its line (or the"
            + " named itemId, for an objection to the whole list) off the notice")
    @PostMapping("/objections/{id}/answer")
    ObjectionView answer(@PathVariable long id, @RequestBody Answer answer) {
        CurrentUser user = CurrentUser.require();
        pages.answer(user, id, answer.uphold(), answer.answer(), answer.itemId());
        return pages.objection(user, id);
    }
}
