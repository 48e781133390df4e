package org.workstudy.notices;

import java.util.List;

import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.notices.internal.NoticePages;
import org.workstudy.web.HomeCard;
import org.workstudy.web.HomeCard.Line;

/** Home card of the deciding office: the open objections to notices waiting for its answer. */
@Component
class NoticeHome implements HomeCard.Source {

    private final NoticePages pages;

    NoticeHome(NoticePages pages) {
        this.pages = pages;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<HomeCard> cardsFor(CurrentUser user) {
        if (!pages.answersObjections(user)) {
            return List.of();
        }
        return List.of(new HomeCard("notices.home.title", List.of(
                new Line("notices.home.open", pages.openObjections(user).size(), "/notices/objections"))));
    }
}
