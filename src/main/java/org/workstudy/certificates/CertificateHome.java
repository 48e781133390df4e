package org.workstudy.certificates;

import java.util.List;

import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.web.HomeCard.Line;
import org.workstudy.web.HomeCard;

/** Home card of a student whose credits are recognised: the credits, the date and the way to the certificate. */
@Component
class CertificateHome implements HomeCard.Source {

    private final Certificates certificates;

    CertificateHome(Certificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public int order() {
        // where the recognition card stood when both were one card source
        return 40;
    }

    @Override
    public List<HomeCard> cardsFor(CurrentUser user) {
        if (!user.acts(Role.STUDENT)) {
            return List.of();
        }
        return certificates.mine(user).map(c -> List.of(new HomeCard("recognition.home.certificate", List.of(
                new Line("recognition.home.recognised", c.creditsText() + " · " + c.recognisedOn(),
                        "/my/certificate"))))).orElse(List.of());
    }
}
