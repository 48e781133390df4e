package org.workstudy.notices;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.workstudy.audit.AuditTrail;
import org.workstudy.identity.CurrentUser;
import org.workstudy.notifications.Notifications;
import org.workstudy.shared.BusinessException;

/**
 * Objections (异议) while a notice runs, and the deciding office's answers: dismissed, or upheld, which takes a line
 * off the list and tells the publishing module ({@link ObjectionUpheld}). Each under the notice's row lock.
 */
@Component
class ObjectionDesk {

    static final String OBJECTION = "notice-objection";
    static final String ANSWER = "notice-answer";
    static final int MAX_TEXT = 500;

    private final NoticeStore store;
    private final NoticeLists lists;
    private final ObjectionOffices offices;
    private final NoticeFinality finality;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final NoticeClock clock;

    ObjectionDesk(NoticeStore store, NoticeLists lists, ObjectionOffices offices, NoticeFinality finality,
            AuditTrail audit, Notifications notifications, NoticeClock clock) {
        this.store = store;
        this.lists = lists;
        this.offices = offices;
        this.finality = finality;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Raises an objection as on {@code today}; see {@code NoticeBoard.object}. Returns its id. */
    @Transactional
    long object(CurrentUser user, long noticeId, Long itemId, String reason, LocalDate today) {
        lists.summary(user, noticeId);
        String text = requiredText(reason, "notices.objection.reason-required", "notices.objection.reason-too-long");
        Notice notice = store.lock(noticeId);
        notice.requireOpenForObjections(today);
        if (itemId != null) {
            NoticeStore.Line line = store.line(noticeId, itemId)
                    .orElseThrow(() -> BusinessException.invalid("notices.objection.item-unknown"));
            if (line.withdrawn()) {
                throw BusinessException.invalid("notices.objection.item-withdrawn");
            }
        }
        long id = store.insertObjection(noticeId, itemId, text, user.accountId(), user.displayName(),
                user.activeRole().name(), today, clock.now());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("noticeId", noticeId);
        values.put("itemId", itemId);
        values.put("reason", text);
        audit.record(OBJECTION, id, "raise", values);
        return id;
    }

    /**
     * The deciding office answers an open objection as on {@code today}: dismissed, or upheld, which takes a line off
     * the list: the line the objection is about, or for an objection to the whole list the line the office names in
     * {@code withdrawItemId} (required then). The objector is told. If the period has passed and this was the last
     * open objection, the notice becomes final at once.
     */
    @Transactional
    void answer(CurrentUser user, long objectionId, boolean uphold, String answer, Long withdrawItemId,
            LocalDate today) {
        Objection raised = store.objection(objectionId)
                .orElseThrow(() -> BusinessException.notFound("error.not-found"));
        NoticeSummary notice = lists.summary(user, raised.noticeId());
        if (!offices.answerers(notice.kind()).contains(user.activeRole())) {
            throw BusinessException.forbidden();
        }
        String text = requiredText(answer, "notices.answer.required", "notices.answer.too-long");
        store.lock(raised.noticeId());
        // read again under the notice's lock: another answer may have come first
        Long lineId = store.objection(objectionId).orElseThrow().lineToWithdraw(uphold, withdrawItemId);
        NoticeStore.Line line = null;
        if (lineId != null) {
            line = store.line(raised.noticeId(), lineId)
                    .orElseThrow(() -> BusinessException.invalid("notices.objection.item-unknown"));
            if (line.withdrawn()) {
                line = null; // upheld before: the line is off the list already
            }
        }
        Long itemId = line == null ? null : line.id();
        store.insertAnswer(objectionId, uphold, itemId, text, user.displayName(), user.activeRole().name(), today,
                clock.now());
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("upheld", uphold);
        values.put("withdrawnItemId", itemId);
        values.put("answer", text);
        audit.record(ANSWER, objectionId, uphold ? "uphold" : "dismiss", values);
        if (line != null) {
            offices.tell(notice.kind(), new ObjectionUpheld(raised.noticeId(), notice.kind(), line.item(), text));
        }
        notifications.send(raised.accountId(), uphold ? "notices.notify.upheld" : "notices.notify.dismissed",
                List.of(notice.title()), "/notices/" + raised.noticeId());
        if (today.isAfter(notice.endsOn())) {
            finality.finalizeLocked(raised.noticeId(), today);
        }
    }

    private static String requiredText(String text, String requiredKey, String tooLongKey) {
        if (text == null || text.isBlank()) {
            throw BusinessException.invalid(requiredKey);
        }
        String trimmed = text.trim();
        if (trimmed.length() > MAX_TEXT) {
            throw BusinessException.invalid(tooLongKey, MAX_TEXT);
        }
        return trimmed;
    }
}
