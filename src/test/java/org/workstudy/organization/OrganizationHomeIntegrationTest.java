package org.workstudy.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;
import org.workstudy.web.HomeCard;

/** What organization reads of identity (counselors of a class) comes through identity's facade, not its tables. */
@IntegrationTest
class OrganizationHomeIntegrationTest {

    static final CurrentUser ADMIN = new CurrentUser(0, "admin-test", "管理员测试", Role.ADMIN,
            List.of(Grant.school(Role.ADMIN)));

    @Autowired
    OrganizationHome home;
    @Autowired
    Organization organization;
    @Autowired
    Fixtures fixtures;

    @Test
    void aClassWithoutACounselorIsCountedUntilOneIsGrantedAndThenListedByName() {
        long college = fixtures.college();
        long before = figure("home.card.classes-without-counselor");
        long classId = fixtures.schoolClass(college);
        assertThat(figure("home.card.classes-without-counselor")).isEqualTo(before + 1);

        String counselor = fixtures.account(Grant.of(Role.COUNSELOR, classId));

        assertThat(figure("home.card.classes-without-counselor")).isEqualTo(before);
        assertThat(organization.classes(new StudentScope(true, Set.of(), Set.of(), Set.of()), college, null))
                .singleElement().satisfies(c -> assertThat(c.counselors()).containsExactly("测试用户" + counselor));
    }

    private long figure(String key) {
        return home.cardsFor(ADMIN).stream().flatMap(card -> card.lines().stream())
                .filter(line -> line.labelKey().equals(key)).map(HomeCard.Line::value)
                .map(v -> ((Number) v).longValue()).findFirst().orElseThrow();
    }
}
