package org.workstudy.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.shared.BusinessException;

/**
 * How a page action that redirects ends: done, with a message key for the next page; or refused, with the reason in
 * the user's language. "Forbidden" and "not found" are not reasons to show on the next page: they go to the error page.
 */
public final class Outcomes {

    private Outcomes() {
    }

    /** Runs the action; on success the next page says {@code doneKey}, on a business refusal it says why. */
    public static void attempt(RedirectAttributes redirect, String doneKey, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", doneKey);
        } catch (BusinessException e) {
            refused(redirect, e);
        }
    }

    public static void refused(RedirectAttributes redirect, BusinessException e) {
        if (e.status() == 403 || e.status() == 404) {
            throw e;
        }
        redirect.addFlashAttribute("errorKey", e.messageKey());
        redirect.addFlashAttribute("errorArgs", e.args());
    }
}
