package org.workstudy.exemptions;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.workstudy.exemptions.internal.ExemptionPages;
import org.workstudy.exemptions.internal.ExemptionStatus;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.web.HomeCard;
import org.workstudy.web.HomeCard.Line;
import org.workstudy.web.MenuItem;

/** Navigation and home cards of exemptions, offsets and quality-development credits. */
@Configuration(proxyBeanMethods = false)
class ExemptionMenu {

    @Bean
    MenuItem exemptionsMenuItem() {
        return new MenuItem("nav.exemptions", "/my/exemptions", EnumSet.of(Role.STUDENT), 40, MenuItem.CREDITS);
    }

    @Bean
    MenuItem exemptionsReviewMenuItem() {
        return new MenuItem("nav.exemptions-review", "/exemptions/review",
                EnumSet.of(Role.COUNSELOR, Role.CENTER_DIRECTOR), 40, MenuItem.CREDITS);
    }

    @Bean
    MenuItem qualityCreditsMenuItem() {
        return new MenuItem("nav.quality-credits", "/quality-credits",
                EnumSet.of(Role.CENTER_STAFF, Role.CENTER_DIRECTOR, Role.COLLEGE_ADMIN), 45, MenuItem.CREDITS);
    }

    /** Counselor and director: the applications waiting for their decision; the director also those to publish. */
    @Component
    static class ExemptionHome implements HomeCard.Source {

        private final ExemptionPages pages;

        ExemptionHome(ExemptionPages pages) {
            this.pages = pages;
        }

        @Override
        public int order() {
            return 30;
        }

        @Override
        public List<HomeCard> cardsFor(CurrentUser user) {
            if (!user.acts(Role.COUNSELOR) && !user.acts(Role.CENTER_DIRECTOR)) {
                return List.of();
            }
            List<Line> lines = new ArrayList<>();
            lines.add(new Line("exemption.home.waiting", pages.waitingFor(user).size(), "/exemptions/review"));
            if (user.acts(Role.CENTER_DIRECTOR)) {
                lines.add(new Line("exemption.home.granted",
                        pages.inScope(user, ExemptionStatus.GRANTED, 500).size(), "/exemptions/review"));
            }
            return List.of(new HomeCard("exemption.home.title", lines));
        }
    }
}
