package org.workstudy.placements.web;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.workstudy.identity.CurrentUser;
import org.workstudy.organization.College;
import org.workstudy.organization.Organization;
import org.workstudy.placements.Applications;
import org.workstudy.placements.Placements;
import org.workstudy.placements.internal.Applicant;
import org.workstudy.placements.internal.SeatCount;
import org.workstudy.positions.PositionView;
import org.workstudy.positions.TimeKind;
import org.workstudy.shared.BusinessException;
import org.workstudy.shared.PageResult;
import org.workstudy.shared.web.Outcomes;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

/** Students find open positions, see the places left, apply in one click and follow their applications. */
@Controller
class JobsController {

    private final Applications applications;
    private final Placements placements;
    private final Organization organization;
    private final Clock clock;
    private final JobBoard board;
    private final OpenToNotes notes;

    JobsController(Applications applications, Placements placements,
            Organization organization, Clock clock, JobBoard board, OpenToNotes notes) {
        this.board = board;
        this.notes = notes;
        this.applications = applications;
        this.placements = placements;
        this.organization = organization;
        this.clock = clock;
    }

    /** Cards per page of {@code /jobs}. */
    static final int PAGE_SIZE = 24;

    /**
     * The published positions of a search. A student sees by default only those open to their college and cohort
     * ({@code all=true}: every one, each not open to them saying whom it is for); the filter runs on the search
     * shared by everyone for a few seconds ({@link JobBoard}), per student in memory, before paging.
     */
    @GetMapping("/jobs")
    String list(@RequestParam(required = false) TimeKind timeKind, @RequestParam(required = false) Boolean onCampus,
            @RequestParam(required = false) String city, @RequestParam(required = false) String text,
            @RequestParam(required = false) Long collegeId,
            @RequestParam(defaultValue = "true") boolean openNow, @RequestParam(defaultValue = "false") boolean hasFree,
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Applicant applicant = applications.applicant(CurrentUser.require());
        // A school has at most a few hundred published positions: filter the free places over all of them, from the
        // search shared by everyone for a few seconds (JobBoard).
        JobBoard.Listing listing = board.search(new JobBoard.Search(blank(text), collegeId, timeKind, onCampus,
                blank(city), openNow));
        Map<Long, SeatCount> seats = listing.seats();
        List<PositionView> found = listing.positions().stream()
                .filter(p -> !hasFree || seats.get(p.id()).free() > 0)
                .sorted(Comparator.comparing(PositionView::closesAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<PositionView> shown = all ? found : found.stream().filter(applicant::admittedTo).toList();
        int last = Math.max(0, (shown.size() - 1) / PAGE_SIZE);
        int current = Math.max(0, Math.min(page, last));
        List<PositionView> onPage = shown.subList(current * PAGE_SIZE,
                Math.min(shown.size(), (current + 1) * PAGE_SIZE));
        List<College> colleges = organization.colleges();
        model.addAttribute("jobs", onPage);
        model.addAttribute("result", new PageResult<>(onPage, current, PAGE_SIZE, shown.size()));
        model.addAttribute("seats", seats);
        model.addAttribute("notOpenTo", notes.notOpenTo(applicant, onPage, colleges));
        model.addAttribute("all", all);
        model.addAttribute("hidden", found.size() - shown.size());
        model.addAttribute("mineUrl", switchUrl(false));
        model.addAttribute("allUrl", switchUrl(true));
        model.addAttribute("staleSeconds", board.staleSeconds());
        model.addAttribute("timeKinds", TimeKind.values());
        model.addAttribute("colleges", colleges);
        model.addAttribute("now", clock.instant());
        return "placements/jobs";
    }

    @GetMapping("/jobs/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        JobBoard.Position cached = board.position(id);
        PositionView job = cached.position().filter(p -> p.status() == org.workstudy.positions.PositionStatus.PUBLISHED)
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        Applicant applicant = applications.applicant(user);
        model.addAttribute("job", job);
        model.addAttribute("notOpenTo", applicant.admittedTo(job) ? null : notes.note(job, organization.colleges()));
        model.addAttribute("seat", cached.seat());
        model.addAttribute("staleSeconds", board.staleSeconds());
        model.addAttribute("mine", applications.mineFor(user, id).orElse(null));
        model.addAttribute("open", job.openAt(clock.instant()));
        model.addAttribute("refusal", applications.refusal(applicant, job).orElse(null));
        model.addAttribute("maxOpen", applications.maxOpen());
        return "placements/job";
    }

    /**
     * The places-left badge, polled by htmx while the page is open: a published position's places for anyone signed
     * in, a draft's, closed or cancelled one's only for those who may see the position itself.
     */
    @HxRequest
    @GetMapping("/jobs/{id:\\d+}/seats")
    String seats(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUser.require();
        JobBoard.Position cached = board.position(id);
        cached.position().filter(v -> v.status() == org.workstudy.positions.PositionStatus.PUBLISHED
                        || org.workstudy.positions.PositionRules.maySee(user, v.bank(), v.bankCollegeId(),
                                v.employerId()))
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        model.addAttribute("seat", cached.seat());
        return "placements/job :: seats";
    }

    /**
     * Applies and shows the answer on the position's page. The answer is read back there from the application, not
     * carried in the session, so that a rush writes no session data.
     */
    @PostMapping("/jobs/{id:\\d+}/apply")
    String apply(@PathVariable long id, RedirectAttributes redirect) {
        return Outcomes.attempt(() -> {
            applications.apply(CurrentUser.require(), id);
            board.forget(id); // the applicant sees the places their own click left
            return "redirect:/jobs/" + id + "?applied";
        }, e -> {
            Outcomes.shown(redirect, e); // a position closed meanwhile is a reason, not an error page
            return "redirect:/jobs/" + id;
        });
    }

    @GetMapping("/my/applications")
    String mine(Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("applications", applications.mine(user));
        model.addAttribute("placements", placements.ofStudent(applications.studentIdOf(user)));
        return "placements/mine";
    }

    @PostMapping("/my/applications/{id:\\d+}/withdraw")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        Outcomes.attempt(redirect, "placements.withdrawn", () -> applications.withdraw(CurrentUser.require(), id));
        return "redirect:/my/applications";
    }

    /** This search again, on its first page, with only the positions open to the student or with all of them. */
    private static String switchUrl(boolean all) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page")
                .replaceQueryParam("all", all ? List.of(true) : List.of()).build().toUriString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
