package org.workstudy.shared.web;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.shared.BusinessException;

/**
 * How a page action ends: done, with a message key for the next page; or refused, with the reason in the user's
 * language — on the next page (redirect) or on the form rendered again (model). "Forbidden" and "not found" are not
 * reasons to show: they go to the error page ({@link #refused}); forms whose ids are typed in, or whose thing may have
 * gone meanwhile, show "not found" as a reason too ({@link #shown}). This is the one place page controllers catch
 * {@link BusinessException}. It lives in {@code shared} (not in the {@code web} module) so that identity's own pages,
 * which sit below {@code web}, use it too.
 */
public final class Outcomes {

    private Outcomes() {
    }

    /**
     * Runs the action; on success the next page says {@code doneKey}, on a business refusal it says why.
     *
     * @return whether the action was done (a refused form may want to keep what was typed)
     */
    public static boolean attempt(RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", doneKey);
            return true;
        } catch (BusinessException e) {
            refused(redirect, e);
            return false;
        }
    }

    /**
     * Runs an action that answers its view (a redirect, or a page); a business refusal answers what {@code onRefused}
     * makes of it, which shows the reason with {@link #refused} or {@link #shown}.
     */
    public static String attempt(Supplier<String> action, Function<BusinessException, String> onRefused) {
        try {
            return action.get();
        } catch (BusinessException e) {
            return onRefused.apply(e);
        }
    }

    /** Runs a read for the page rendered now; a refusal is shown on it (forbidden and not found: the error page). */
    public static <T> Optional<T> attempt(Model model, Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (BusinessException e) {
            refused(model, e);
            return Optional.empty();
        }
    }

    /** The reason on the next page; forbidden and not found go to the error page. */
    public static void refused(RedirectAttributes redirect, BusinessException e) {
        requireShowable(e, true);
        flash(redirect, e);
    }

    /** The reason on the page rendered now; forbidden and not found go to the error page. */
    public static void refused(Model model, BusinessException e) {
        requireShowable(e, true);
        show(model, e);
    }

    /** The reason on the next page, "not found" included; only forbidden goes to the error page. */
    public static void shown(RedirectAttributes redirect, BusinessException e) {
        requireShowable(e, false);
        flash(redirect, e);
    }

    /** The reason on the page rendered now, "not found" included; only forbidden goes to the error page. */
    public static void shown(Model model, BusinessException e) {
        requireShowable(e, false);
        show(model, e);
    }

    /** The field the reason is about, when known, goes as {@code errorField} (the form marks it). */
    private static void show(Model model, BusinessException e) {
        model.addAttribute("errorKey", e.messageKey());
        model.addAttribute("errorArgs", e.args());
        if (e.field() != null) {
            model.addAttribute("errorField", e.field());
        }
    }

    /** The refusal, for a page that shows it its own way; forbidden and not found go to the error page. */
    public static BusinessException showable(BusinessException e) {
        requireShowable(e, true);
        return e;
    }

    private static void requireShowable(BusinessException e, boolean notFoundToo) {
        if (e.status() == 403 || (notFoundToo && e.status() == 404)) {
            throw e;
        }
    }

    /**
     * Flash attributes live in the (JDBC) session, so they must be serialisable: an argument that is not (a term code)
     * goes as its text, which is what the message shows of it anyway.
     */
    private static void flash(RedirectAttributes redirect, BusinessException e) {
        redirect.addFlashAttribute("errorKey", e.messageKey());
        redirect.addFlashAttribute("errorArgs", Arrays.stream(e.args())
                .map(a -> a == null || a instanceof Serializable ? a : String.valueOf(a)).toArray());
    }
}
