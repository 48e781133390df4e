package org.workstudy.web;

import java.util.List;

/** A card on a home page: a title and the things the person should look at or do next, with links. */
public record HomeCard(String titleKey, List<Line> lines) {

    public HomeCard {
        lines = List.copyOf(lines);
    }

    /** A labelled value (a count, a name) and where to act on it; {@code href} may be null. */
    public record Line(String labelKey, Object value, String href) {
    }

    /** Modules contribute cards for the roles they serve. */
    public interface Source {
        /** The cards for the signed-in user in their active role, possibly none. */
        List<HomeCard> cardsFor(org.workstudy.identity.CurrentUser user);

        /** Where the source's cards go on the page; lower first. */
        default int order() {
            return 100;
        }
    }
}
