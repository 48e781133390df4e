package org.workstudy.web;

import java.util.List;

/**
 * A card on a home page: a title and the things the person should look at or do next, with links; {@code note}, if
 * any, is a warning sentence shown above the lines (the card is then drawn as a warning).
 */
public record HomeCard(String titleKey, List<Line> lines, Note note) {

    public HomeCard {
        lines = List.copyOf(lines);
    }

    public HomeCard(String titleKey, List<Line> lines) {
        this(titleKey, lines, null);
    }

    /**
     * A labelled value (a count, a name) and where to act on it; {@code href} may be null. The label is a message
     * key with {@code labelArgs} (a person's name, say).
     */
    public record Line(String labelKey, Object value, String href, List<Object> labelArgs) {

        public Line {
            labelArgs = labelArgs == null ? List.of() : List.copyOf(labelArgs);
        }

        public Line(String labelKey, Object value, String href) {
            this(labelKey, value, href, List.of());
        }
    }

    /** A message with its arguments. */
    public record Note(String key, List<Object> args) {

        public Note {
            args = List.copyOf(args);
        }
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
