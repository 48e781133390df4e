package org.workstudy.notices.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.notices.NoticeBoard;
import org.workstudy.identity.CurrentUser;
import org.workstudy.notices.internal.NoticeDetail;
import org.workstudy.notices.internal.NoticePages;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/**
 * The notice board (公示栏) for everyone in a notice's scope, a notice with its lines and the objection form, and the
 * deciding office's list of open objections with the answer form.
 */
@Controller
class NoticeController {

    private final NoticeBoard board;
    private final NoticePages pages;

    NoticeController(NoticeBoard board, NoticePages pages) {
        this.board = board;
        this.pages = pages;
    }

    @GetMapping("/notices")
    String board(Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("notices", board.board(user));
        model.addAttribute("answers", pages.answersObjections(user));
        model.addAttribute("openCount", pages.openObjections(user).size());
        return "credits/notices";
    }

    @GetMapping("/notices/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        NoticeDetail detail = pages.detail(CurrentUser.require(), id);
        model.addAttribute("d", detail);
        model.addAttribute("n", detail.notice());
        return "credits/notice";
    }

    @PostMapping("/notices/{id:\\d+}/objections")
    String object(@PathVariable long id, @RequestParam(required = false) Long itemId,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        if (!Outcomes.attempt(redirect, "notices.objection.raised", () -> board.object(user, id, itemId, reason))) {
            redirect.addFlashAttribute("reason", reason);
            redirect.addFlashAttribute("itemId", itemId);
        }
        return "redirect:/notices/" + id + "#objection";
    }

    @GetMapping("/notices/objections")
    String objections(Model model) {
        CurrentUser user = CurrentUser.require();
        if (!pages.answersObjections(user)) {
            throw BusinessException.forbidden();
        }
        model.addAttribute("objections", pages.openObjections(user));
        return "credits/notice-objections";
    }

    @PostMapping("/notices/objections/{id:\\d+}/answer")
    String answer(@PathVariable long id, @RequestParam boolean uphold, @RequestParam(required = false) String answer,
            @RequestParam(required = false) Long itemId, @RequestParam(required = false) Long noticeId,
            RedirectAttributes redirect) {
        Outcomes.attempt(redirect, uphold ? "notices.answer.upheld" : "notices.answer.dismissed",
                () -> pages.answer(CurrentUser.require(), id, uphold, answer, itemId));
        return noticeId != null ? "redirect:/notices/" + noticeId + "#objections" : "redirect:/notices/objections";
    }
}
