package org.workstudy.hours.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.workstudy.shared.BusinessException;
import org.workstudy.web.Outcomes;

/** A refused action goes back to the page it came from with the reason (and the form as it was filled in). */
final class Flash {

    private Flash() {
    }

    static void refused(RedirectAttributes redirect, BusinessException e, Object form) {
        Outcomes.refused(redirect, e);
        if (form != null) {
            redirect.addFlashAttribute("form", form);
        }
    }

    /** Only local pages of this module, so that a crafted {@code back} cannot send the user elsewhere. */
    static String back(String back, String otherwise) {
        return back != null && back.matches("/(hours|my)/[A-Za-z0-9/_?=&-]*") ? back : otherwise;
    }
}
