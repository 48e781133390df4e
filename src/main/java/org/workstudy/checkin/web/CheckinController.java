package org.workstudy.checkin.web;

import java.math.BigDecimal;
import java.time.LocalTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.checkin.Checkins;
import org.workstudy.checkin.ScanForm;
import org.workstudy.checkin.internal.CheckinPages;
import org.workstudy.checkin.internal.CheckinQr;
import org.workstudy.identity.CurrentUser;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/** 签到: the student's phone page, the supervisor's shift pages with the rotating QR code, and the signals. */
@Controller
class CheckinController {

    private final Checkins checkins;
    private final CheckinPages pages;

    CheckinController(Checkins checkins, CheckinPages pages) {
        this.checkins = checkins;
        this.pages = pages;
    }

    /** The phone page: camera scanner, the code field (filled from a scanned link), own attendances. */
    @GetMapping("/checkin")
    String mine(@RequestParam(name = "code", required = false) String code, Model model) {
        model.addAttribute("attendances", pages.mine(CurrentUser.require()));
        model.addAttribute("code", code == null || code.length() > 100 ? "" : code);
        return "checkin/scan";
    }

    @PostMapping("/checkin")
    String scan(@RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "latitude", required = false) BigDecimal latitude,
            @RequestParam(name = "longitude", required = false) BigDecimal longitude,
            @RequestParam(name = "device", required = false) String device, RedirectAttributes redirect) {
        return Outcomes.attempt(() -> {
            Checkins.ScanOutcome scan = checkins.scan(CurrentUser.require(), new ScanForm(code, latitude, longitude, device));
            redirect.addFlashAttribute("flash", scan.outcome().equals("CHECKED_IN") ? "checkin.checked-in"
                    : scan.attendance().refusalKey() == null ? "checkin.checked-out" : "checkin.checked-out-refused");
            return "redirect:/checkin";
        }, e -> {
            Outcomes.refused(redirect, e);
            return "redirect:/checkin";
        });
    }

    @PostMapping("/checkin/attendances/{attendanceId}/make-up")
    String makeUp(@PathVariable long attendanceId,
            @RequestParam(name = "endedAt", required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime endedAt,
            @RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "checkin.make-up.requested",
                () -> checkins.requestMakeUp(CurrentUser.require(), attendanceId, endedAt, reason));
        return "redirect:/checkin";
    }

    @GetMapping("/checkin/shifts")
    String shifts(Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("shifts", pages.shifts(user));
        model.addAttribute("positions", pages.positionsFor(user));
        model.addAttribute("makeUps", pages.pendingMakeUps(user));
        return "checkin/shifts";
    }

    @PostMapping("/checkin/shifts")
    String open(@RequestParam(name = "positionId", required = false) Long positionId,
            @RequestParam(name = "latitude", required = false) BigDecimal latitude,
            @RequestParam(name = "longitude", required = false) BigDecimal longitude,
            @RequestParam(name = "radiusM", required = false) Integer radiusM, RedirectAttributes redirect) {
        if (!pages.mayOpenShifts(CurrentUser.require())) {
            throw BusinessException.forbidden();
        }
        if (positionId == null) {
            redirect.addFlashAttribute("errorKey", "checkin.position-required");
            return "redirect:/checkin/shifts";
        }
        return Outcomes.attempt(() -> "redirect:/checkin/shifts/" + checkins.openShift(CurrentUser.require(),
                positionId, new Checkins.ShiftPlace(latitude, longitude, radiusM)), e -> {
                    Outcomes.refused(redirect, e);
                    return "redirect:/checkin/shifts";
                });
    }

    /** The supervisor's screen: the QR code (refreshed by htmx), the fallback code, who checked in. */
    @GetMapping("/checkin/shifts/{shiftId}")
    String shift(@PathVariable long shiftId, Model model) {
        showShift(shiftId, model);
        return "checkin/shift";
    }

    /** The htmx part of the shift page: the current code and the attendances, fetched every few seconds. */
    @GetMapping("/checkin/shifts/{shiftId}/live")
    String live(@PathVariable long shiftId, Model model) {
        showShift(shiftId, model);
        return "checkin/shift :: live";
    }

    private void showShift(long shiftId, Model model) {
        CurrentUser user = CurrentUser.require();
        var shift = pages.shift(user, shiftId);
        model.addAttribute("shift", shift);
        model.addAttribute("attendances", pages.attendances(user, shiftId));
        if (shift.open()) {
            model.addAttribute("code", checkins.code(user, shiftId));
        }
    }

    /** The current token as a QR image: a link to the phone page with the code, so a phone's camera app works too. */
    @GetMapping(value = "/checkin/shifts/{shiftId}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable long shiftId) {
        Checkins.ShiftCode code = checkins.code(CurrentUser.require(), shiftId);
        String link = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/checkin").queryParam("code", code.token()).build().toUriString();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(CheckinQr.png(link, 360));
    }

    @PostMapping("/checkin/shifts/{shiftId}/close")
    String close(@PathVariable long shiftId, RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "checkin.shift.closed-now", () -> checkins.closeShift(CurrentUser.require(), shiftId));
        return "redirect:/checkin/shifts/" + shiftId;
    }

    @PostMapping("/checkin/make-ups/{makeUpId}/approve")
    String approve(@PathVariable long makeUpId, RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "checkin.make-up.approved",
                () -> checkins.decideMakeUp(CurrentUser.require(), makeUpId, true, null));
        return "redirect:/checkin/shifts";
    }

    @PostMapping("/checkin/make-ups/{makeUpId}/reject")
    String reject(@PathVariable long makeUpId, @RequestParam(name = "note", required = false) String note,
            RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "checkin.make-up.rejected",
                () -> checkins.decideMakeUp(CurrentUser.require(), makeUpId, false, note));
        return "redirect:/checkin/shifts";
    }

    @GetMapping("/checkin/signals")
    String signals(Model model) {
        model.addAttribute("attendances", pages.signals(CurrentUser.require()));
        return "checkin/signals";
    }
}
