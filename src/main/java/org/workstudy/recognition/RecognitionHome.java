package org.workstudy.recognition;

import java.util.List;

import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.recognition.internal.RecognitionStatus;
import org.workstudy.recognition.internal.RecognitionView;
import org.workstudy.web.HomeCard.Line;
import org.workstudy.certificates.Certificates;
import org.workstudy.web.HomeCard;

/**
 * Home cards: for academic affairs and the center director the lists waiting for their decision; for a vice dean
 * their lists returned or in progress. (A student's certificate card is certificates' {@code CertificateHome}.)
 */
@Component
class RecognitionHome implements HomeCard.Source {

    private final Recognitions recognitions;

    RecognitionHome(Recognitions recognitions) {
        this.recognitions = recognitions;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<HomeCard> cardsFor(CurrentUser user) {
        if (Recognitions.DECIDERS.contains(user.activeRole())) {
            return List.of(new HomeCard("recognition.home.title", List.of(new Line("recognition.home.waiting",
                    recognitions.waitingFor(user).size(), "/recognitions"))));
        }
        if (user.acts(Role.VICE_DEAN)) {
            List<RecognitionView> lists = recognitions.list(user, null, null);
            long returned = lists.stream().filter(l -> l.status() == RecognitionStatus.RETURNED
                    && lists.stream().noneMatch(o -> o.id() > l.id() && o.collegeId() == l.collegeId()
                            && o.cohort() == l.cohort())).count();
            long open = lists.stream().filter(l -> l.status().live()).count();
            return List.of(new HomeCard("recognition.home.title", List.of(
                    new Line("recognition.home.returned", returned, "/recognitions"),
                    new Line("recognition.home.in-progress", open, "/recognitions"))));
        }
        return List.of();
    }
}
