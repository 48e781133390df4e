package org.workstudy.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.workstudy.identity.CurrentUser;

/** The home page: for each role, the cards of what that person should look at or do next. */
@Controller
class HomeController {

    private final List<HomeCard.Source> sources;

    HomeController(List<HomeCard.Source> sources) {
        this.sources = sources.stream().sorted(Comparator.comparingInt(HomeCard.Source::order)).toList();
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser user = CurrentUser.require();
        model.addAttribute("cards", sources.stream().flatMap(s -> s.cardsFor(user).stream()).toList());
        return "web/home";
    }
}
