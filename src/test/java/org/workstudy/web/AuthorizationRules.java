package org.workstudy.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.workstudy.web.AuthorizationMatrixTest.Caller;

/**
 * Who may call what: one line per page route or API operation ({@code METHOD path | callers | ids}). Callers are
 * role names, {@code PUBLIC} (visitors too), {@code SIGNED_IN} (every role), {@code STAFF} (all but students and
 * employers), {@code SCHOOL} (the school-wide roles), {@code COLLEGE} (vice dean, college admin); {@code -ROLE}
 * takes one away. Ids: {@code scoped} (an id outside a scoped role's college, classes, employer or self answers
 * 404; {@code scoped, open for ROLE ...} names the scoped roles that reach any id, such as arrangers who see only
 * their own students among any position's placements), {@code open} (the thing is not scoped: anyone allowed
 * reaches it), {@code missing} (not scoped; the second id is one that does not exist: 404 for everyone allowed),
 * {@code -} (no id in the path), {@code refusal} (a page that explains a refusal and answers 403 to everyone); {@code only in scope for ROLE ...} names roles that may act on world A's thing
 * but not on world B's for a reason other than scope (who answers an objection depends on the notice's kind). A {@code ?} after it: an allowed caller may also find nothing there
 * (404), because the demo school has no such thing for world A (no certificate yet, no verification code). Text after
 * {@code #} says why.
 * <p>
 * A caller not allowed gets 403 (or 404: the thing is not theirs to know about); a visitor is sent to sign in (pages)
 * or gets 401 (API). An allowed caller reaches the handler: any answer but 401/403/404 — a 400, 409, 422 or a
 * redirect with the reason are the handler's own refusals of the dummy input. Never a 5xx.
 */
final class AuthorizationRules {

    private AuthorizationRules() {
    }

    static final Set<Caller> SCHOOL = EnumSet.of(Caller.ADMIN, Caller.CENTER_DIRECTOR, Caller.CENTER_STAFF,
            Caller.ACADEMIC_AFFAIRS, Caller.LEADER);

    record Rule(Set<Caller> allowed, String ids) {

        /** {@code reached}, {@code denied}, {@code hidden}, {@code login} or {@code 401}. */
        String expected(Caller caller, boolean inScope, boolean api) {
            if (!allowed.contains(caller)) {
                return caller == Caller.ANONYMOUS ? (api ? "401" : "login") : "denied";
            }
            if (ids.startsWith("refusal")) {
                return "denied"; // the page explains a refusal and answers 403 itself
            }
            if (!inScope && ids.matches(".*only in scope for .*\\b" + caller.name() + "\\b.*")) {
                return "denied";
            }
            if (ids.startsWith("missing") && !inScope) {
                return "hidden";
            }
            if (ids.startsWith("scoped") && !inScope && caller != Caller.ANONYMOUS && !SCHOOL.contains(caller)
                    && !ids.matches(".*open for .*\\b" + caller.name() + "\\b.*")) {
                return "hidden";
            }
            return ids.contains("?") ? "reached?" : "reached";
        }
    }

    static boolean matches(String expected, String outcome) {
        return switch (expected) {
            case "login" -> outcome.equals("LOGIN");
            case "401" -> outcome.equals("401");
            case "denied" -> outcome.equals("403") || outcome.equals("404");
            case "hidden" -> outcome.equals("404");
            case "reached" -> !Set.of("401", "403", "404", "LOGIN").contains(outcome);
            case "reached?" -> !Set.of("401", "403", "LOGIN").contains(outcome);
            default -> throw new IllegalArgumentException(expected);
        };
    }

    static Map<String, Rule> parse() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] cols = line.replaceFirst("\\s+#.*$", "").split("\\|");
            String key = cols[0].strip();
            if (rules.put(key, new Rule(callers(cols[1].strip()), cols[2].strip())) != null) {
                throw new IllegalStateException("two rules for " + key);
            }
        }
        return rules;
    }

    private static Set<Caller> callers(String spec) {
        Set<Caller> set = EnumSet.noneOf(Caller.class);
        for (String token : spec.split(",")) {
            String t = token.strip();
            boolean remove = t.startsWith("-");
            String name = remove ? t.substring(1) : t;
            Set<Caller> group = switch (name) {
                case "PUBLIC" -> EnumSet.allOf(Caller.class);
                case "SIGNED_IN" -> EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));
                case "STAFF" -> EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS, Caller.STUDENT, Caller.EMPLOYER));
                case "SCHOOL" -> SCHOOL;
                case "COLLEGE" -> EnumSet.of(Caller.VICE_DEAN, Caller.COLLEGE_ADMIN);
                case "NOBODY" -> EnumSet.noneOf(Caller.class);
                default -> EnumSet.of(Caller.valueOf(name));
            };
            if (remove) {
                set.removeAll(group);
            } else {
                set.addAll(group);
            }
        }
        return set;
    }

    private static final String TABLE = """
            # method path | who may call | ids
            GET / | SIGNED_IN | -
            GET /account/password | SIGNED_IN | -
            POST /account/password | SIGNED_IN | -
            GET /account/tokens | SIGNED_IN | -
            POST /account/tokens | SIGNED_IN | -
            POST /account/tokens/{id}/revoke | SIGNED_IN | missing ?   # only the caller's own tokens
            GET /org/status-changes | ADMIN | -
            POST /org/status-changes | ADMIN | -
            GET /api/v1/me/tokens | SIGNED_IN | -
            POST /api/v1/me/tokens | SIGNED_IN | -
            DELETE /api/v1/me/tokens/{id} | SIGNED_IN | missing ?   # only the caller's own tokens
            GET /api/v1/students/{id}/status-changes | STAFF | scoped
            POST /api/v1/students/{id}/status-changes | ADMIN | scoped
            POST /account/role | ADMIN | -
            GET /activate | PUBLIC | -
            POST /activate | PUBLIC | -
            GET /admin/accounts | ADMIN | -
            POST /admin/accounts | ADMIN | -
            GET /admin/accounts/{id} | ADMIN | scoped
            POST /admin/accounts/{id}/enabled | ADMIN | scoped
            POST /admin/accounts/{id}/grants | ADMIN | scoped
            POST /admin/accounts/{id}/grants/revoke | ADMIN | scoped
            POST /admin/accounts/{id}/password | ADMIN | scoped
            POST /admin/accounts/{id}/unlock | ADMIN | scoped
            GET /admin/audit | ADMIN | -
            GET /admin/calendar | ADMIN | -
            POST /admin/calendar/special-days | ADMIN | -
            POST /admin/calendar/special-days/{date}/delete | ADMIN | open
            POST /admin/calendar/standard | ADMIN | -
            POST /admin/calendar/terms | ADMIN | -
            POST /admin/calendar/terms/{id}/delete | ADMIN | open
            POST /admin/calendar/years/{year}/import | ADMIN | open
            GET /admin/calendar/years/{year}/template | ADMIN | open
            GET /admin/delivery | ADMIN | -
            POST /admin/delivery/outbox/retry-all | ADMIN | -
            POST /admin/delivery/outbox/{id}/retry | ADMIN | missing?   # the demo has no undelivered message
            POST /admin/delivery/robots | ADMIN | -
            POST /admin/delivery/robots/{id}/delete | ADMIN | missing?   # the demo has no robot
            POST /admin/delivery/settings | ADMIN | -
            GET /admin/places/unmatched | ADMIN | -
            GET /admin/policy | ADMIN | -
            POST /admin/policy | ADMIN | -
            GET /admin/policy/new | ADMIN | -
            GET /admin/policy/{id:\\d+} | ADMIN | missing
            GET /api/v1/applications/mine | STUDENT | -
            POST /api/v1/applications/{id}/decision | ADMIN, CENTER_STAFF, EMPLOYER | scoped
            POST /api/v1/applications/{id}/withdraw | STUDENT | scoped?   # student A's application may be decided already
            GET /api/v1/calendar/days/{date} | SIGNED_IN | open
            GET /api/v1/calendar/semester | SIGNED_IN | -
            GET /api/v1/calendar/terms | SIGNED_IN | -
            GET /api/v1/classes | STAFF, STUDENT | -
            POST /api/v1/classes/{id}/work-records/import | COUNSELOR | scoped
            GET /api/v1/deferrals | CENTER_DIRECTOR, CENTER_STAFF, ACADEMIC_AFFAIRS, LEADER, VICE_DEAN, COLLEGE_ADMIN, COUNSELOR | -
            GET /api/v1/employers | ADMIN, CENTER_DIRECTOR, CENTER_STAFF, LEADER, EMPLOYER | -
            POST /api/v1/employers | ADMIN, CENTER_STAFF | -
            GET /api/v1/employers/{id} | ADMIN, CENTER_DIRECTOR, CENTER_STAFF, LEADER, EMPLOYER | scoped
            PUT /api/v1/employers/{id} | ADMIN, CENTER_STAFF | scoped
            POST /api/v1/employers/{id}/agreement | ADMIN, CENTER_STAFF | scoped
            GET /api/v1/exemptions | STAFF, STUDENT | -
            POST /api/v1/exemptions | STUDENT | -
            POST /api/v1/exemptions/publish | CENTER_DIRECTOR | -
            GET /api/v1/exemptions/{id} | STAFF, STUDENT | scoped
            POST /api/v1/exemptions/{id}/decision | STAFF, STUDENT | scoped
            GET /api/v1/exemptions/{id}/decisions | STAFF, STUDENT | scoped
            GET /api/v1/exemptions/{id}/evidence | STAFF, STUDENT | scoped
            GET /api/v1/exemptions/{id}/evidence/{fileId} | STAFF, STUDENT | scoped
            GET /api/v1/exemptions/{id}/history | STAFF, STUDENT | scoped
            POST /api/v1/exemptions/{id}/withdraw | STUDENT | scoped
            GET /api/v1/assessment/months/{month} | STAFF | -   # the rankings of the caller's scope (AssessmentScopeTest)
            GET /api/v1/assessment/years/{academicYear} | STAFF | -
            GET /api/v1/assessment/colleges/{id}/months/{month} | SCHOOL, VICE_DEAN, COLLEGE_ADMIN | scoped   # another college: 404
            GET /api/v1/stats/dashboard | STAFF, STUDENT | -   # figures of the caller's scope; out-of-scope filters are 404 (StatisticsScopeTest)
            GET /api/v1/stats/onsite | CENTER_STAFF, CENTER_DIRECTOR, ADMIN, LEADER | -   # check-in and pay figures, school-wide
            GET /api/v1/stats/placements | STAFF, STUDENT | -
            GET /api/v1/stats/students | STAFF, STUDENT | -
            GET /api/v1/graduation/{cohort} | CENTER_DIRECTOR, CENTER_STAFF, ACADEMIC_AFFAIRS, LEADER, VICE_DEAN, COLLEGE_ADMIN, COUNSELOR | open   # the list is the caller's scope of the cohort
            POST /api/v1/graduation/{cohort}/deferrals | ACADEMIC_AFFAIRS | open
            GET /api/v1/graduation/{cohort}/export | CENTER_DIRECTOR, CENTER_STAFF, ACADEMIC_AFFAIRS, LEADER, VICE_DEAN, COLLEGE_ADMIN, COUNSELOR | open   # as above
            GET /api/v1/me | SIGNED_IN | -
            GET /api/v1/notices | STAFF, STUDENT | -
            GET /api/v1/notices/{id} | STAFF | scoped
            POST /api/v1/notices/{id}/objections | STAFF | scoped
            GET /api/v1/notifications | SIGNED_IN | -
            POST /api/v1/notifications/read-all | SIGNED_IN | -
            GET /api/v1/notifications/unread-count | SIGNED_IN | -
            POST /api/v1/notifications/{id}/read | STUDENT | scoped   # one's own notifications only
            GET /api/v1/objections | SIGNED_IN | -   # the caller's own objections, or those they answer
            POST /api/v1/objections/{id}/answer | CENTER_DIRECTOR, ACADEMIC_AFFAIRS | open, only in scope for ACADEMIC_AFFAIRS   # who answers depends on the notice's kind
            GET /api/v1/policy/cohorts/{cohort} | SCHOOL | missing
            GET /api/v1/policy/versions | SCHOOL | -
            POST /api/v1/policy/versions | ADMIN | -
            GET /api/v1/positions | ADMIN, CENTER_DIRECTOR, CENTER_STAFF, LEADER, VICE_DEAN, COLLEGE_ADMIN, EMPLOYER | -
            POST /api/v1/positions | ADMIN, CENTER_STAFF, COLLEGE_ADMIN, EMPLOYER | -
            GET /api/v1/positions/{id} | ADMIN, CENTER_DIRECTOR, CENTER_STAFF, LEADER, EMPLOYER | scoped
            PUT /api/v1/positions/{id} | ADMIN, CENTER_STAFF, EMPLOYER | scoped
            GET /api/v1/positions/{id}/applications | ADMIN, CENTER_STAFF, EMPLOYER | scoped
            POST /api/v1/positions/{id}/applications | STUDENT | open   # any published position open to the student's college
            POST /api/v1/positions/{id}/approve | CENTER_DIRECTOR, CENTER_STAFF | scoped
            POST /api/v1/positions/{id}/cancel | ADMIN, CENTER_STAFF, EMPLOYER | scoped
            POST /api/v1/positions/{id}/capacity | ADMIN, CENTER_STAFF, EMPLOYER | scoped
            POST /api/v1/positions/{id}/close | ADMIN, CENTER_STAFF, EMPLOYER | scoped
            GET /api/v1/positions/{id}/events | ADMIN, CENTER_DIRECTOR, CENTER_STAFF, LEADER, EMPLOYER | scoped
            GET /api/v1/positions/{id}/placements | ADMIN, CENTER_STAFF, COLLEGE_ADMIN, COUNSELOR, EMPLOYER | scoped, open for COLLEGE_ADMIN COUNSELOR   # arrangers see only their own students among any position's placements
            POST /api/v1/positions/{id}/placements | ADMIN, CENTER_STAFF, COLLEGE_ADMIN, COUNSELOR | open   # arrangers place their own students on any published position
            POST /api/v1/positions/{id}/publish | CENTER_DIRECTOR, CENTER_STAFF | scoped
            POST /api/v1/positions/{id}/return | CENTER_DIRECTOR, CENTER_STAFF | scoped
            GET /api/v1/positions/{id}/seats | SIGNED_IN | open   # a published position's places are on its job page; others only for who may see it
            POST /api/v1/positions/{id}/submit | ADMIN, CENTER_STAFF, EMPLOYER | scoped
            GET /api/v1/public/verify/{code} | PUBLIC | open?   # the certificate's public check: no code of world A
            POST /api/v1/quality-credits/import | CENTER_DIRECTOR, CENTER_STAFF, COLLEGE_ADMIN | -
            GET /api/v1/quality-credits/{studentNo} | CENTER_DIRECTOR, CENTER_STAFF, COLLEGE_ADMIN | scoped
            GET /api/v1/recognitions | SCHOOL, VICE_DEAN, COLLEGE_ADMIN | -
            POST /api/v1/recognitions | VICE_DEAN | -
            GET /api/v1/recognitions/export | SCHOOL | -
            GET /api/v1/recognitions/proposal | SCHOOL, VICE_DEAN, COLLEGE_ADMIN | -
            GET /api/v1/recognitions/waiting | SIGNED_IN | -   # the caller's approval inbox
            GET /api/v1/recognitions/{id} | SCHOOL, VICE_DEAN, COLLEGE_ADMIN | scoped
            POST /api/v1/recognitions/{id}/decision | CENTER_DIRECTOR, ACADEMIC_AFFAIRS | scoped
            GET /api/v1/self-arranged | SIGNED_IN | -   # only the caller's scope
            POST /api/v1/self-arranged | STUDENT | -
            GET /api/v1/self-arranged/{id} | STAFF, STUDENT | scoped
            PUT /api/v1/self-arranged/{id} | STUDENT | scoped
            POST /api/v1/self-arranged/{id}/certificate | STUDENT | scoped
            POST /api/v1/self-arranged/{id}/certificate/verification | COUNSELOR | scoped
            POST /api/v1/self-arranged/{id}/decision | COUNSELOR | scoped
            GET /api/v1/self-arranged/{id}/decisions | STAFF, STUDENT | scoped
            GET /api/v1/self-arranged/{id}/history | STAFF, STUDENT | scoped
            POST /api/v1/self-arranged/{id}/withdraw | STUDENT | scoped
            GET /api/v1/students | SIGNED_IN | -   # lists only the caller's scope (an employer: nobody; a student: self)
            GET /api/v1/students/{id} | STAFF, STUDENT | scoped
            GET /api/v1/students/{id}/progress | STAFF, STUDENT | scoped
            GET /api/v1/work-records | STAFF, STUDENT | -   # ?studentId= of world A; scoped like the student
            POST /api/v1/work-records | COUNSELOR, EMPLOYER, STUDENT | -?   # an employer records for students placed with them (student A is not)
            GET /api/v1/work-records/pending | SIGNED_IN | -   # what waits for the caller's confirmation
            POST /api/v1/work-records/{id}/confirm | COUNSELOR | scoped
            POST /api/v1/work-records/{id}/correct | COUNSELOR | scoped
            POST /api/v1/work-records/{id}/reject | COUNSELOR | scoped
            POST /api/v1/work-records/{id}/void | COUNSELOR | scoped
            GET /calendar | STAFF | -
            GET /calendar/check | STAFF | -
            GET /certificates/{studentId:\\d+}.pdf | STAFF | scoped?   # student A has no certificate yet
            GET /certificates/{studentId:\\d+}/print | STAFF | scoped?
            GET /delivery/settings | SIGNED_IN | -   # one's own channels
            POST /delivery/settings | SIGNED_IN | -
            GET /employers | ADMIN, CENTER_DIRECTOR, CENTER_STAFF, LEADER, EMPLOYER | -
            POST /employers | ADMIN, CENTER_STAFF | -
            GET /employers/new | ADMIN, CENTER_STAFF | -
            GET /employers/{id:\\d+} | ADMIN, CENTER_DIRECTOR, CENTER_STAFF, LEADER, EMPLOYER | scoped
            POST /employers/{id:\\d+} | ADMIN, CENTER_STAFF | scoped
            GET /employers/{id:\\d+}/agreement | ADMIN, CENTER_DIRECTOR, CENTER_STAFF, LEADER, EMPLOYER | scoped?   # employer A has no agreement file
            POST /employers/{id:\\d+}/agreement | ADMIN, CENTER_STAFF | scoped
            POST /employers/{id:\\d+}/contacts | ADMIN, CENTER_STAFF | scoped
            POST /exemptions/publish | CENTER_DIRECTOR | -
            GET /exemptions/review | STAFF | -
            GET /exemptions/{id:\\d+} | STAFF, STUDENT | scoped
            POST /exemptions/{id:\\d+}/decision | STAFF, STUDENT | scoped
            GET /exemptions/{id:\\d+}/evidence/{fileId:\\d+} | STAFF, STUDENT | scoped
            POST /exemptions/{id:\\d+}/withdraw | STUDENT | scoped
            GET /graduation | CENTER_DIRECTOR, CENTER_STAFF, ACADEMIC_AFFAIRS, LEADER, VICE_DEAN, COLLEGE_ADMIN, COUNSELOR | -
            GET /graduation/deferrals | CENTER_DIRECTOR, CENTER_STAFF, ACADEMIC_AFFAIRS, LEADER, VICE_DEAN, COLLEGE_ADMIN, COUNSELOR | -
            GET /graduation/export | CENTER_DIRECTOR, CENTER_STAFF, ACADEMIC_AFFAIRS, LEADER, VICE_DEAN, COLLEGE_ADMIN, COUNSELOR | -
            GET /graduation/print | CENTER_DIRECTOR, CENTER_STAFF, ACADEMIC_AFFAIRS, LEADER, VICE_DEAN, COLLEGE_ADMIN, COUNSELOR | -
            POST /graduation/{cohort:\\d+}/defer | ACADEMIC_AFFAIRS | open
            POST /graduation/{cohort:\\d+}/recheck | ACADEMIC_AFFAIRS | open
            GET /hours/classes | COUNSELOR, EMPLOYER | -
            GET /hours/classes/{id:\\d+} | COUNSELOR | scoped
            GET /hours/classes/{id:\\d+}/register | STAFF | scoped
            GET /hours/classes/{id:\\d+}/register.pdf | STAFF | scoped
            GET /hours/classes/{id:\\d+}/register.xlsx | STAFF | scoped
            GET /hours/classes/{id:\\d+}/work-records/import | COUNSELOR | scoped
            POST /hours/classes/{id:\\d+}/work-records/import | COUNSELOR | scoped
            GET /hours/classes/{id:\\d+}/work-records/import/template | COUNSELOR | scoped
            POST /hours/entries/{id:\\d+}/confirm | COUNSELOR | scoped
            POST /hours/entries/{id:\\d+}/correct | COUNSELOR | scoped
            POST /hours/entries/{id:\\d+}/reject | COUNSELOR | scoped
            POST /hours/entries/{id:\\d+}/void | COUNSELOR | scoped
            GET /hours/pending | COUNSELOR, EMPLOYER | -
            GET /hours/placed | EMPLOYER | -
            GET /hours/students/{id:\\d+} | COUNSELOR | scoped
            POST /hours/students/{id:\\d+}/records | COUNSELOR | scoped
            GET /hours/students/{id:\\d+}/register | STAFF, STUDENT | scoped
            GET /hours/students/{id:\\d+}/register.pdf | STAFF, STUDENT | scoped
            GET /hours/students/{id:\\d+}/register.xlsx | STAFF, STUDENT | scoped
            GET /jobs | STUDENT | -
            GET /jobs/{id:\\d+} | STUDENT | open   # published positions
            POST /jobs/{id:\\d+}/apply | STUDENT | open
            GET /jobs/{id:\\d+}/seats | SIGNED_IN | open   # as above
            GET /login | PUBLIC | -
            GET /login/sso-refused | PUBLIC | refusal   # why single sign-on did not open WorkStudy
            GET /my/applications | STUDENT | -
            POST /my/applications/{id:\\d+}/withdraw | STUDENT | scoped?
            GET /my/certificate | STUDENT | -
            GET /my/certificate.pdf | STUDENT | -?   # student A has no certificate yet
            GET /my/exemptions | STUDENT | -
            POST /my/exemptions | STUDENT | -
            GET /my/exemptions/new | STUDENT | -
            GET /my/graduation | STUDENT | -
            GET /my/hours | STUDENT | -
            POST /my/hours | STUDENT | -
            GET /my/hours/register | STUDENT | -
            GET /notices | STAFF, STUDENT | -
            GET /assessment | STAFF | -   # rankings of the caller's scope
            GET /assessment/classes.xlsx | STAFF | -
            GET /assessment/colleges.xlsx | STAFF | -
            GET /assessment/colleges/{id}/report | SCHOOL, VICE_DEAN, COLLEGE_ADMIN | scoped   # printable; another college: 404
            GET /assessment/colleges/{id}/report.pdf | SCHOOL, VICE_DEAN, COLLEGE_ADMIN | scoped   # the same report as PDF
            GET /assessment/counselors.xlsx | STAFF | -
            POST /assessment/settings | ADMIN, CENTER_DIRECTOR | -
            GET /stats | STAFF, STUDENT | -   # the dashboard of the caller's scope
            GET /stats/placements | STAFF, STUDENT | -
            GET /stats/placements.xlsx | STAFF, STUDENT | -
            GET /stats/students | STAFF, STUDENT | -
            GET /stats/students.xlsx | STAFF, STUDENT | -
            GET /stats/onsite | CENTER_STAFF, CENTER_DIRECTOR, ADMIN, LEADER | -
            GET /notices/objections | CENTER_DIRECTOR, ACADEMIC_AFFAIRS | -
            POST /notices/objections/{id:\\d+}/answer | CENTER_DIRECTOR, ACADEMIC_AFFAIRS | open, only in scope for ACADEMIC_AFFAIRS   # as above
            GET /notices/{id:\\d+} | STAFF | scoped
            POST /notices/{id:\\d+}/objections | STAFF | scoped
            GET /notifications | SIGNED_IN | -
            POST /notifications/read-all | SIGNED_IN | -
            POST /notifications/{id}/open | STUDENT | scoped   # one's own notifications only
            GET /org/classes | STAFF | -
            GET /org/classes/{id} | STAFF | scoped
            POST /org/classes/{id}/activation-sheet | ADMIN, COLLEGE_ADMIN, COUNSELOR | scoped
            POST /org/classes/{id}/counselors | ADMIN | scoped
            GET /org/me | STUDENT | -
            GET /org/staff | ADMIN | -
            GET /org/staff/import | ADMIN | -
            POST /org/staff/import | ADMIN | -
            GET /org/staff/import/template | ADMIN | -
            GET /org/staff/new | ADMIN | -
            POST /org/staff/new | ADMIN | -
            POST /org/staff/{id}/active | ADMIN | scoped
            GET /org/staff/{id}/edit | ADMIN | scoped
            POST /org/staff/{id}/edit | ADMIN | scoped
            GET /org/structure | ADMIN | -
            POST /org/structure/classes | ADMIN | -
            POST /org/structure/colleges | ADMIN | -
            POST /org/structure/majors | ADMIN | -
            GET /org/students | STAFF | -
            GET /org/students/export | STAFF | -
            GET /org/students/import | ADMIN | -
            POST /org/students/import | ADMIN | -
            GET /org/students/import/template | ADMIN | -
            GET /org/students/new | ADMIN | -
            POST /org/students/new | ADMIN | -
            GET /org/students/{id:\\d+} | STAFF | scoped
            POST /org/students/{id:\\d+}/activation-code | ADMIN, COLLEGE_ADMIN, COUNSELOR | scoped
            GET /org/students/{id:\\d+}/edit | ADMIN | scoped
            POST /org/students/{id:\\d+}/edit | ADMIN | scoped
            GET /placements | ADMIN, CENTER_STAFF, VICE_DEAN, COLLEGE_ADMIN, COUNSELOR, EMPLOYER | -
            POST /placements/applications/{id:\\d+}/decision | ADMIN, CENTER_STAFF, EMPLOYER | scoped
            GET /placements/positions/{id:\\d+} | ADMIN, CENTER_STAFF, COLLEGE_ADMIN, COUNSELOR, EMPLOYER | scoped, open for COLLEGE_ADMIN COUNSELOR   # as above
            POST /placements/positions/{id:\\d+}/arrange | ADMIN, CENTER_STAFF, COLLEGE_ADMIN, COUNSELOR | open   # as above
            GET /places/search | SIGNED_IN | -   # the public division list
            GET /plans | CENTER_DIRECTOR, CENTER_STAFF, LEADER, VICE_DEAN, COLLEGE_ADMIN | -
            POST /plans | CENTER_STAFF | -
            GET /plans/edit | CENTER_STAFF | -
            GET /policy | SCHOOL | -
            GET /policy/{id:\\d+} | SCHOOL | missing
            GET /positions | ADMIN, CENTER_DIRECTOR, CENTER_STAFF, LEADER, VICE_DEAN, COLLEGE_ADMIN, EMPLOYER | -
            POST /positions | ADMIN, CENTER_STAFF, COLLEGE_ADMIN, EMPLOYER | -
            GET /positions/new | ADMIN, CENTER_STAFF, COLLEGE_ADMIN, EMPLOYER | -
            GET /positions/{id:\\d+} | ADMIN, CENTER_DIRECTOR, CENTER_STAFF, LEADER, EMPLOYER | scoped
            POST /positions/{id:\\d+} | ADMIN, CENTER_STAFF, EMPLOYER | scoped
            POST /positions/{id:\\d+}/approve | CENTER_DIRECTOR, CENTER_STAFF | scoped
            POST /positions/{id:\\d+}/cancel | ADMIN, CENTER_STAFF, EMPLOYER | scoped
            POST /positions/{id:\\d+}/capacity | ADMIN, CENTER_STAFF, EMPLOYER | scoped
            POST /positions/{id:\\d+}/close | ADMIN, CENTER_STAFF, EMPLOYER | scoped
            GET /positions/{id:\\d+}/edit | NOBODY | scoped   # position A is published: only drafts are edited
            POST /positions/{id:\\d+}/publish | CENTER_DIRECTOR, CENTER_STAFF | scoped
            POST /positions/{id:\\d+}/return | CENTER_DIRECTOR, CENTER_STAFF | scoped
            POST /positions/{id:\\d+}/submit | ADMIN, CENTER_STAFF, EMPLOYER | scoped
            GET /quality-credits | CENTER_DIRECTOR, CENTER_STAFF, COLLEGE_ADMIN | -
            POST /quality-credits/import | CENTER_DIRECTOR, CENTER_STAFF, COLLEGE_ADMIN | -
            GET /quality-credits/template | CENTER_DIRECTOR, CENTER_STAFF, COLLEGE_ADMIN | -
            GET /recognitions | SCHOOL, VICE_DEAN, COLLEGE_ADMIN | -
            POST /recognitions | VICE_DEAN | -
            GET /recognitions/export.xlsx | SCHOOL | -
            GET /recognitions/{id:\\d+} | SCHOOL, VICE_DEAN, COLLEGE_ADMIN | scoped
            POST /recognitions/{id:\\d+}/decision | CENTER_DIRECTOR, ACADEMIC_AFFAIRS | scoped
            GET /self-arranged | SIGNED_IN | -
            POST /self-arranged | STUDENT | -
            GET /self-arranged/new | STUDENT | -
            GET /self-arranged/review | STAFF | -
            GET /self-arranged/{id:\\d+} | STAFF, STUDENT | scoped
            POST /self-arranged/{id:\\d+} | STUDENT | scoped
            GET /self-arranged/{id:\\d+}/certificate | STAFF, STUDENT | scoped?   # no certificate uploaded
            POST /self-arranged/{id:\\d+}/certificate | STUDENT | scoped
            POST /self-arranged/{id:\\d+}/decision | COUNSELOR | scoped
            GET /self-arranged/{id:\\d+}/edit | STUDENT | scoped
            GET /self-arranged/{id:\\d+}/print | STAFF, STUDENT | scoped
            POST /self-arranged/{id:\\d+}/verification | COUNSELOR | scoped
            POST /self-arranged/{id:\\d+}/withdraw | STUDENT | scoped
            # check-in at the workplace (issue 16): shifts are the business of whoever manages their position
            GET /checkin | STUDENT | -
            POST /checkin | STUDENT | -
            POST /checkin/attendances/{attendanceId}/make-up | STUDENT | scoped
            GET /checkin/shifts | EMPLOYER, CENTER_STAFF, ADMIN | -
            POST /checkin/shifts | EMPLOYER, CENTER_STAFF, ADMIN | -
            GET /checkin/shifts/{shiftId} | EMPLOYER, CENTER_STAFF, ADMIN | scoped
            GET /checkin/shifts/{shiftId}/live | EMPLOYER, CENTER_STAFF, ADMIN | scoped
            GET /checkin/shifts/{shiftId}/qr.png | EMPLOYER, CENTER_STAFF, ADMIN | scoped
            POST /checkin/shifts/{shiftId}/close | EMPLOYER, CENTER_STAFF, ADMIN | scoped
            POST /checkin/make-ups/{makeUpId}/approve | EMPLOYER, CENTER_STAFF, ADMIN | scoped
            POST /checkin/make-ups/{makeUpId}/reject | EMPLOYER, CENTER_STAFF, ADMIN | scoped
            GET /checkin/signals | STAFF, EMPLOYER | -
            POST /api/v1/checkin/shifts | EMPLOYER, CENTER_STAFF, ADMIN | -
            GET /api/v1/checkin/shifts | EMPLOYER, CENTER_STAFF, ADMIN | -
            GET /api/v1/checkin/shifts/{shiftId}/code | EMPLOYER, CENTER_STAFF, ADMIN | scoped
            POST /api/v1/checkin/shifts/{shiftId}/close | EMPLOYER, CENTER_STAFF, ADMIN | scoped
            GET /api/v1/checkin/shifts/{shiftId}/attendances | EMPLOYER, CENTER_STAFF, ADMIN | scoped
            POST /api/v1/checkin/scan | STUDENT | -
            GET /api/v1/checkin/attendances | STUDENT | -
            POST /api/v1/checkin/attendances/{attendanceId}/make-up | STUDENT | scoped
            GET /api/v1/checkin/make-ups | EMPLOYER, CENTER_STAFF, ADMIN | -
            POST /api/v1/checkin/make-ups/{makeUpId}/decision | EMPLOYER, CENTER_STAFF, ADMIN | scoped
            GET /api/v1/checkin/signals | STAFF, EMPLOYER | -
            # pay (issue 16): employers their own sheets, the center all of them; students their own pay
            GET /pay | EMPLOYER, CENTER_STAFF, CENTER_DIRECTOR, ADMIN, LEADER | -
            POST /pay/sheets | EMPLOYER, CENTER_STAFF, CENTER_DIRECTOR | -
            POST /pay/prepare | CENTER_STAFF, CENTER_DIRECTOR | -
            GET /pay/sheets/{sheetId} | EMPLOYER, CENTER_STAFF, CENTER_DIRECTOR, ADMIN, LEADER | scoped
            POST /pay/sheets/{sheetId}/confirm | EMPLOYER | scoped
            POST /pay/sheets/{sheetId}/approve | CENTER_STAFF, CENTER_DIRECTOR | scoped
            POST /pay/sheets/{sheetId}/return | CENTER_STAFF, CENTER_DIRECTOR | scoped
            GET /pay/sheets/{sheetId}/export | EMPLOYER, CENTER_STAFF, CENTER_DIRECTOR, ADMIN, LEADER | scoped
            GET /pay/positions | EMPLOYER, CENTER_STAFF, CENTER_DIRECTOR, ADMIN | -
            POST /pay/positions/{positionId}/terms | EMPLOYER, CENTER_STAFF, ADMIN | scoped
            GET /pay/my | STUDENT | -
            POST /pay/my/card | STUDENT | -
            GET /api/v1/pay/sheets | EMPLOYER, CENTER_STAFF, CENTER_DIRECTOR, ADMIN, LEADER | -
            POST /api/v1/pay/sheets | EMPLOYER, CENTER_STAFF, CENTER_DIRECTOR | -
            GET /api/v1/pay/sheets/{sheetId} | EMPLOYER, CENTER_STAFF, CENTER_DIRECTOR, ADMIN, LEADER | scoped
            POST /api/v1/pay/sheets/{sheetId}/confirm | EMPLOYER | scoped
            POST /api/v1/pay/sheets/{sheetId}/approve | CENTER_STAFF, CENTER_DIRECTOR | scoped
            POST /api/v1/pay/sheets/{sheetId}/return | CENTER_STAFF, CENTER_DIRECTOR | scoped
            GET /api/v1/pay/totals | CENTER_STAFF, CENTER_DIRECTOR, ADMIN, LEADER | -
            PUT /api/v1/pay/positions/{positionId}/terms | EMPLOYER, CENTER_STAFF, ADMIN | scoped
            GET /api/v1/pay/my | STUDENT | -
            PUT /api/v1/pay/my/card | STUDENT | -
            # awards (issue 14 item 3): lists in the caller's scope (a college outside it is 404: AwardsScopeTest);
            # thresholds added by the center director; rewards and penalties recorded by the center, read in scope
            GET /awards | CENTER_DIRECTOR, CENTER_STAFF, LEADER, VICE_DEAN, COUNSELOR | -
            GET /awards/students.xlsx | CENTER_DIRECTOR, CENTER_STAFF, LEADER, VICE_DEAN, COUNSELOR | -
            GET /awards/classes.xlsx | CENTER_DIRECTOR, CENTER_STAFF, LEADER, VICE_DEAN, COUNSELOR | -
            GET /awards/counselors.xlsx | CENTER_DIRECTOR, CENTER_STAFF, LEADER, VICE_DEAN, COUNSELOR | -
            GET /awards/settings | CENTER_DIRECTOR | -
            POST /awards/settings | CENTER_DIRECTOR | -
            GET /awards/records | CENTER_DIRECTOR, CENTER_STAFF, LEADER, VICE_DEAN, COUNSELOR, STUDENT | -
            POST /awards/records | CENTER_STAFF, CENTER_DIRECTOR | -
            GET /api/v1/awards/students | CENTER_DIRECTOR, CENTER_STAFF, LEADER, VICE_DEAN, COUNSELOR | -
            GET /api/v1/awards/classes | CENTER_DIRECTOR, CENTER_STAFF, LEADER, VICE_DEAN, COUNSELOR | -
            GET /api/v1/awards/counselors | CENTER_DIRECTOR, CENTER_STAFF, LEADER, VICE_DEAN, COUNSELOR | -
            GET /api/v1/awards/thresholds | CENTER_DIRECTOR, CENTER_STAFF, LEADER, VICE_DEAN, COUNSELOR | -
            GET /api/v1/awards/records | CENTER_DIRECTOR, CENTER_STAFF, LEADER, VICE_DEAN, COUNSELOR, STUDENT | -
            POST /api/v1/awards/records | CENTER_STAFF, CENTER_DIRECTOR | -
            POST /awards/records/{id}/revoke | CENTER_STAFF, CENTER_DIRECTOR | scoped   # 撤销: whoever may record one
            POST /api/v1/awards/records/{id}/revocation | CENTER_STAFF, CENTER_DIRECTOR | scoped
            GET /verify | PUBLIC | -
            GET /verify/{code} | PUBLIC | open?
            """;
}
