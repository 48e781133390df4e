package org.workstudy.placements.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.workstudy.organization.College;
import org.workstudy.placements.internal.Applicant;
import org.workstudy.positions.PositionView;

/**
 * Whom a position is open to, said to a student it is not open to: 「本岗位仅面向 计算机学院 / 2024级」. The rule itself is
 * {@link PositionView#admits}; applying checks it again on the server.
 */
@Component
class OpenToNotes {

    private final MessageSource messages;

    OpenToNotes(MessageSource messages) {
        this.messages = messages;
    }

    /** For each of the positions not open to the applicant: its id → whom it is open to. */
    Map<Long, String> notOpenTo(Applicant applicant, Collection<PositionView> positions, List<College> colleges) {
        Map<Long, String> notes = new LinkedHashMap<>();
        positions.stream().filter(p -> !applicant.admittedTo(p)).forEach(p -> notes.put(p.id(), note(p, colleges)));
        return notes;
    }

    /** Whom the position is open to (its colleges, then its cohorts). */
    String note(PositionView p, List<College> colleges) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<Long, String> names = colleges.stream().collect(Collectors.toMap(College::id, College::name));
        List<String> parts = new ArrayList<>();
        if (!p.eligibleCollegeIds().isEmpty()) {
            parts.add(list(p.eligibleCollegeIds(), id -> names.getOrDefault(id, "#" + id), locale));
        }
        if (!p.eligibleCohorts().isEmpty()) {
            parts.add(list(p.eligibleCohorts(), cohort -> messages.getMessage("placements.open-to.cohort",
                    new Object[] {String.valueOf(cohort)}, locale), locale));
        }
        return messages.getMessage("placements.open-to", new Object[] {String.join(" / ", parts)}, locale);
    }

    private <T> String list(Collection<T> items, Function<T, String> name, Locale locale) {
        return items.stream().map(name)
                .collect(Collectors.joining(messages.getMessage("placements.open-to.separator", null, locale)));
    }
}
