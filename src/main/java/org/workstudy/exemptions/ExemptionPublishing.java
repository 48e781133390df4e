package org.workstudy.exemptions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.exemptions.internal.ExemptionStatus;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.notices.NoticeDraft;
import org.workstudy.notices.NoticeItem;
import org.workstudy.notices.NoticeKind;
import org.workstudy.notices.PublicNotices;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StudentRow;
import org.workstudy.policy.Policies;
import org.workstudy.policy.PolicyVersion;
import org.workstudy.quality.OffsetPlan;
import org.workstudy.shared.BusinessException;

/** The center director publishes the granted applications on public notices, one per college. */
@Component
class ExemptionPublishing {

    /** Notice items and titles are public text in the school's language, whatever the director's language. */
    static final Locale NOTICE_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final ExemptionStore store;
    private final ExemptionLifecycle lifecycle;
    private final Roster roster;
    private final Policies policies;
    private final PublicNotices notices;
    private final MessageSource messages;
    private final Clock clock;

    ExemptionPublishing(ExemptionStore store, ExemptionLifecycle lifecycle, Roster roster, Policies policies,
            PublicNotices notices, MessageSource messages, Clock clock) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.roster = roster;
        this.policies = policies;
        this.notices = notices;
        this.messages = messages;
        this.clock = clock;
    }

    /** See {@link Exemptions#publish}. */
    @Transactional
    List<Long> publish(CurrentUser user, Collection<Long> only) {
        if (!user.acts(Role.CENTER_DIRECTOR)) {
            throw BusinessException.forbidden();
        }
        List<Exemption> granted = store.lockGranted(only);
        if (granted.isEmpty()) {
            throw BusinessException.conflict("exemption.publish.nothing");
        }
        Map<Long, StudentRow> students = roster.rows(granted.stream().map(Exemption::studentId).toList());
        Map<Long, PolicyVersion> versions = versionsById(policies);
        Map<Long, List<Exemption>> byCollege = new TreeMap<>();
        granted.stream()
                .sorted(Comparator.comparing((Exemption e) -> students.get(e.studentId()).studentNo())
                        .thenComparing(Exemption::id))
                .forEach(e -> byCollege.computeIfAbsent(students.get(e.studentId()).collegeId(),
                        k -> new ArrayList<>()).add(e));
        LocalDate today = LocalDate.now(clock);
        List<Long> noticeIds = new ArrayList<>();
        for (Map.Entry<Long, List<Exemption>> college : byCollege.entrySet()) {
            List<Exemption> listed = college.getValue();
            int days = listed.stream().mapToInt(e -> versions.get(e.policyVersionId()).noticeWorkingDays()).max()
                    .orElseThrow();
            String title = messages.getMessage("exemption.notice.title",
                    new Object[] {students.get(listed.get(0).studentId()).collegeName(), today.toString()},
                    NOTICE_LOCALE);
            List<NoticeItem> items = listed.stream()
                    .map(e -> new NoticeItem(e.studentId(), e.id(), publicDetail(e))).toList();
            long noticeId = notices.publish(new NoticeDraft(NoticeKind.EXEMPTION, null, title, college.getKey(), null,
                    days, items));
            noticeIds.add(noticeId);
            for (Exemption e : listed) {
                store.setNotice(e.id(), noticeId);
                lifecycle.setStatus(e, ExemptionStatus.IN_NOTICE, "published", user.username(), null, noticeId, null);
            }
        }
        return noticeIds;
    }

    /** What the public notice says of an application: never the reason nor any personal detail. */
    private String publicDetail(Exemption e) {
        return e.offset()
                ? messages.getMessage("exemption.notice.offset", new Object[] {OffsetPlan.plain(e.offsetHours())},
                        NOTICE_LOCALE)
                : messages.getMessage("exemption.notice.exempt", null, NOTICE_LOCALE);
    }

    /** Every policy version by id (an application refers to the version it was made under). */
    static Map<Long, PolicyVersion> versionsById(Policies policies) {
        Map<Long, PolicyVersion> out = new HashMap<>();
        policies.versions().forEach(v -> out.put(v.id(), v));
        return out;
    }
}
