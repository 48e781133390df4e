package org.workstudy.places;

import java.util.List;

/**
 * Places written as free text before division codes existed that the migration could not map to one division (a
 * typo, an ambiguous district, a foreign place). Each module that stores places implements it; the administrator's
 * page lists them all, with a link where the place can be chosen from the list.
 */
public interface UnmatchedPlaces {

    /** One unmatched place: what holds it (a message key), its name, the text as written and where to fix it. */
    record Place(String kindKey, long id, String name, String text, String link) {
    }

    List<Place> unmatched();
}
