package org.workstudy.hours.web;

/** Where an action goes back to: the page it came from. */
final class Flash {

    private Flash() {
    }

    /** Only local pages of this module, so that a crafted {@code back} cannot send the user elsewhere. */
    static String back(String back, String otherwise) {
        return back != null && back.matches("/(hours|my)/[A-Za-z0-9/_?=&-]*") ? back : otherwise;
    }
}
