package org.workstudy.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.web.HomeCard;
import org.workstudy.web.HomeCard.Line;

/** Home-page cards about the organisation: what is in the user's scope, and what is missing. */
@Component
class OrganizationHome implements HomeCard.Source {

    private final JdbcClient jdbc;
    private final DataScope scope;
    private final Roster roster;
    private final Organization organization;
    private final Accounts accounts;

    OrganizationHome(JdbcClient jdbc, DataScope scope, Roster roster, Organization organization, Accounts accounts) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.roster = roster;
        this.organization = organization;
        this.accounts = accounts;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<HomeCard> cardsFor(CurrentUser user) {
        if (user.acts(Role.STUDENT)) {
            return roster.ofAccount(user.accountId()).map(s -> {
                StudentRow row = roster.row(user, s.id());
                List<String> counselors = organization.classes(scope.studentsOf(user), null, null).stream()
                        .filter(c -> c.id() == row.classId()).findFirst().map(ClassRow::counselors)
                        .orElse(List.of());
                return List.of(new HomeCard("home.card.me", List.of(
                        new Line("organization.student.no", row.studentNo(), "/org/me"),
                        new Line("organization.class", row.className(), null),
                        new Line("organization.college", row.collegeName(), null),
                        new Line("organization.counselor", String.join("、", counselors), null))));
            }).orElse(List.of());
        }
        if (user.acts(Role.EMPLOYER)) {
            return List.of();
        }
        StudentScope s = scope.studentsOf(user);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("home.card.students", count("SELECT count(*) FROM org_student s JOIN org_class c"
                + " ON c.id = s.class_id WHERE s.status = 'ACTIVE' AND " + s.sql("s", "c")), "/org/students"));
        lines.add(new Line("home.card.classes", count("SELECT count(*) FROM org_class c WHERE c.active AND "
                + Organization.classScope(s)), "/org/classes"));
        if (user.acts(Role.ADMIN)) {
            Set<Long> withCounselor = accounts.scopesHeld(Role.COUNSELOR);
            long withoutCounselor = jdbc.sql("SELECT id FROM org_class WHERE active").query(Long.class).list().stream()
                    .filter(id -> !withCounselor.contains(id)).count();
            lines.add(new Line("home.card.classes-without-counselor", withoutCounselor, "/org/classes"));
            lines.add(new Line("home.card.locked-accounts", accounts.lockedCount(), "/admin/accounts"));
        }
        return List.of(new HomeCard("home.card.organization", lines));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
