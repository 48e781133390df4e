package org.workstudy.audit.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.workstudy.audit.AuditActors;
import org.workstudy.audit.internal.AuditEntry;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns recorded entries into readable lines: people by name, and the JSON of the changes into field → value lines
 * ({@code [before, after]} pairs of a change into old → new). Field names are translated where the bundle knows them
 * ({@code audit.field.<name>}), else shown as recorded.
 */
@Component
class AuditLines {

    private static final String SYSTEM = "system";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Optional<AuditActors> actors;
    private final MessageSource messages;

    AuditLines(Optional<AuditActors> actors, MessageSource messages) {
        this.actors = actors;
        this.messages = messages;
    }

    List<AuditLine> of(Collection<AuditEntry> entries, Locale locale) {
        Map<String, String> names = actors.map(a -> a.namesOf(entries.stream().map(AuditEntry::actor)
                .filter(u -> !SYSTEM.equals(u)).distinct().toList())).orElse(Map.of());
        List<AuditLine> out = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            List<AuditLine.Change> changes = changes(e.changes(), locale);
            out.add(new AuditLine(e, names.get(e.actor()), SYSTEM.equals(e.actor()), changes == null ? List.of()
                    : changes, changes == null ? e.changes() : null));
        }
        return out;
    }

    /** The fields of the recorded JSON object, or null when it is not one (e.g. cut off at 8,000 characters). */
    private List<AuditLine.Change> changes(String json, Locale locale) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "{}" : json);
        } catch (RuntimeException unreadable) {
            return null;
        }
        if (!root.isObject()) {
            return null;
        }
        // a change (AuditTrail.recordChange) records every field as [before, after]
        boolean isChange = root.size() > 0;
        for (JsonNode v : root) {
            isChange &= v.isArray() && v.size() == 2;
        }
        List<AuditLine.Change> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : root.properties()) {
            JsonNode v = f.getValue();
            String field = messages.getMessage("audit.field." + f.getKey(), null, f.getKey(), locale);
            if (isChange) {
                out.add(new AuditLine.Change(field, text(v.get(0), locale), text(v.get(1), locale), true));
            } else {
                out.add(new AuditLine.Change(field, null, text(v, locale), false));
            }
        }
        return out;
    }

    private String text(JsonNode v, Locale locale) {
        if (v == null || v.isNull()) {
            return messages.getMessage("audit.value.none", null, "—", locale);
        }
        if (v.isBoolean()) {
            return messages.getMessage("audit.value." + v.booleanValue(), null, v.toString(), locale);
        }
        if (v.isString()) {
            String s = v.stringValue();
            return s.isEmpty() ? messages.getMessage("audit.value.none", null, "—", locale) : s;
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(text(x, locale)));
            return String.join("、", parts);
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> f : v.properties()) {
                parts.add(messages.getMessage("audit.field." + f.getKey(), null, f.getKey(), locale) + ": "
                        + text(f.getValue(), locale));
            }
            return String.join("; ", parts);
        }
        return v.asString();
    }
}
