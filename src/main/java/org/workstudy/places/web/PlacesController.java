package org.workstudy.places.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.workstudy.identity.CurrentUser;
import org.workstudy.places.Division;
import org.workstudy.places.Divisions;
import org.workstudy.places.UnmatchedPlaces;

/**
 * The division picker's search (an htmx partial: radio buttons, so the choice is a plain form field and the page
 * needs no script of its own) for any signed-in user, and the administrator's list of unmatched places.
 */
@Controller
class PlacesController {

    private static final int RESULTS = 12;

    private final Divisions divisions;
    private final ObjectProvider<UnmatchedPlaces> unmatched;

    PlacesController(Divisions divisions, ObjectProvider<UnmatchedPlaces> unmatched) {
        this.divisions = divisions;
        this.unmatched = unmatched;
    }

    /**
     * The picker's choices for a query; the division chosen so far ({@code selected}) stays first and checked, so a
     * new search never loses it. {@code field} is the form field's name (letters only).
     */
    @GetMapping("/places/search")
    String search(@RequestParam(defaultValue = "city") String field, @RequestParam java.util.Map<String, String> params,
            Model model) {
        CurrentUser.require();
        // the picker's search box is "placeQuery" (inside the form it must not clash with its fields); "q" for links
        String q = params.getOrDefault("placeQuery", params.getOrDefault("q", ""));
        String name = field.matches("[A-Za-z]{1,30}") ? field : "city";
        String selected = params.get(name);
        Division chosen = selected == null ? null : divisions.find(selected).orElse(null);
        List<Division> hits = new ArrayList<>();
        if (chosen != null) {
            hits.add(chosen);
        }
        String query = q.length() > 50 ? q.substring(0, 50) : q;
        divisions.search(query, RESULTS).stream().filter(d -> chosen == null || !d.code().equals(chosen.code()))
                .forEach(hits::add);
        model.addAttribute("field", name);
        model.addAttribute("choices", hits);
        model.addAttribute("selected", chosen == null ? null : chosen.code());
        model.addAttribute("query", query);
        return "places/picker :: choices";
    }

    @GetMapping("/admin/places/unmatched")
    String unmatched(Model model) {
        List<UnmatchedPlaces.Place> places = new ArrayList<>();
        unmatched.orderedStream().forEach(u -> places.addAll(u.unmatched()));
        model.addAttribute("places", places);
        return "places/unmatched";
    }
}
