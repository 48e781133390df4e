package org.workstudy.recognition;

import java.util.List;

import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.web.HomeCard;
import org.workstudy.web.HomeCard.Line;
import org.workstudy.credits.Certificates;

/**
 * Home cards: for academic affairs and the center director the lists waiting for their decision; for a vice dean
 * their lists returned or in progress; for a student with recognised credits the certificate.
 */
@Component
class RecognitionHome implements HomeCard.Source {

    private final Recognitions recognitions;
    private final Certificates certificates;

    RecognitionHome(Recognitions recognitions, Certificates certificates) {
        this.recognitions = recognitions;
        this.certificates = certificates;
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
        if (user.acts(Role.STUDENT)) {
            return certificates.mine(user).map(c -> List.of(new HomeCard("recognition.home.certificate", List.of(
                    new Line("recognition.home.recognised", c.creditsText() + " · " + c.recognisedOn(),
                            "/my/certificate"))))).orElse(List.of());
        }
        return List.of();
    }
}
