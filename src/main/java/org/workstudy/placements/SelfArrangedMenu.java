package org.workstudy.placements;

import java.util.EnumSet;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.placements.internal.SelfArrangedPages;
import org.workstudy.web.HomeCard;
import org.workstudy.web.HomeCard.Line;
import org.workstudy.web.MenuItem;

/** Navigation and home cards of self-arranged work. */
@Configuration(proxyBeanMethods = false)
class SelfArrangedMenu {

    @Bean
    MenuItem selfArrangedMenuItem() {
        return new MenuItem("nav.self-arranged", "/self-arranged", EnumSet.of(Role.STUDENT), 35);
    }

    @Bean
    MenuItem selfArrangedReviewMenuItem() {
        return new MenuItem("nav.self-arranged-review", "/self-arranged/review",
                EnumSet.of(Role.COUNSELOR, Role.VICE_DEAN), 35);
    }

    /** Counselor and vice dean: how many registrations (and certificates) wait for them. */
    @Component
    static class SelfArrangedHome implements HomeCard.Source {

        private final SelfArrangedPages pages;

        SelfArrangedHome(SelfArrangedPages pages) {
            this.pages = pages;
        }

        @Override
        public int order() {
            return 25;
        }

        @Override
        public List<HomeCard> cardsFor(CurrentUser user) {
            if (!user.acts(Role.COUNSELOR) && !user.acts(Role.VICE_DEAN)) {
                return List.of();
            }
            return List.of(new HomeCard("selfwork.home.title", List.of(
                    new Line("selfwork.home.waiting", pages.waitingCount(user), "/self-arranged/review"))));
        }
    }
}
