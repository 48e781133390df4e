package org.workstudy.placements.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.placements.Applications;
import org.workstudy.placements.Placements;
import org.workstudy.positions.PositionBank;
import org.workstudy.positions.PositionQuery;
import org.workstudy.positions.PositionStatus;
import org.workstudy.positions.PositionView;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.web.Outcomes;

/**
 * Those who manage a position (its employer, the bank's managers) decide applicants; the center, college admins and
 * counselors place students in one action (统一安排).
 */
@Controller
class ApplicantsController {

    private final PositionBank positions;
    private final Applications applications;
    private final Placements placements;
    private final Organization organization;
    private final DataScope scope;

    ApplicantsController(PositionBank positions, Applications applications, Placements placements,
            Organization organization, DataScope scope) {
        this.positions = positions;
        this.applications = applications;
        this.placements = placements;
        this.organization = organization;
        this.scope = scope;
    }

    /** Published positions the user manages or may place students on, with their places. */
    @GetMapping("/placements")
    String list(Model model) {
        CurrentUser user = CurrentUser.require();
        List<PositionView> mine = positions.search(new PositionQuery(null, null, null, PositionStatus.PUBLISHED, null,
                null, null, null, null), 0, 200).items().stream()
                .filter(p -> positions.mayManage(user, p.id()) || Placements.mayArrange(user)).toList();
        if (mine.isEmpty() && !Placements.mayArrange(user) && !user.acts(org.workstudy.identity.Role.EMPLOYER)) {
            throw BusinessException.forbidden();
        }
        model.addAttribute("positions", mine);
        model.addAttribute("seats", applications.seats(mine));
        return "placements/positions";
    }

    @GetMapping("/placements/positions/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        PositionView position = positions.find(id).orElseThrow(() -> BusinessException.notFound("error.not-found"));
        boolean manages = positions.mayManage(user, id);
        boolean arranges = Placements.mayArrange(user) && position.status() == PositionStatus.PUBLISHED;
        if (!manages && !arranges) {
            throw BusinessException.notFound("error.not-found");
        }
        model.addAttribute("position", position);
        model.addAttribute("seat", applications.seats(position));
        model.addAttribute("manages", manages);
        model.addAttribute("arranges", arranges);
        model.addAttribute("applicants", manages ? applications.applicants(user, id) : List.of());
        model.addAttribute("placements", placements.ofPosition(user, id));
        if (arranges) {
            model.addAttribute("classes", organization.classes(scope.studentsOf(user), null, null));
        }
        return "placements/position";
    }

    @PostMapping("/placements/applications/{id:\\d+}/decision")
    String decide(@PathVariable long id, @RequestParam long positionId, @RequestParam boolean accept,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(redirect, positionId, () -> applications.decide(CurrentUser.require(), id, accept, reason),
                accept ? "placements.accepted" : "placements.rejected");
    }

    @PostMapping("/placements/positions/{id:\\d+}/arrange")
    String arrange(@PathVariable long id, @RequestParam(required = false) Long classId,
            @RequestParam(required = false) String studentNumbers, RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.require();
        return act(redirect, id, () -> {
            int placed;
            if (classId != null) {
                placed = placements.placeClass(user, id, classId);
            } else {
                List<String> numbers = Arrays.stream(studentNumbers == null ? new String[0]
                        : studentNumbers.split("[\\s,，、;；]+")).map(String::trim).filter(s -> !s.isBlank()).toList();
                placed = placements.placeByNumbers(user, id, numbers);
            }
            redirect.addFlashAttribute("placed", placed);
        }, "placements.arranged");
    }

    private static String act(RedirectAttributes redirect, long positionId, Runnable action, String done) {
        Outcomes.attempt(redirect, done, action);
        return "redirect:/placements/positions/" + positionId;
    }

}
