package org.workstudy.notifications;

import java.util.List;

/**
 * An outbound channel (WeCom/DingTalk webhook, e-mail) that also receives every message, after the transaction that
 * sent it has committed. None is registered by default: in-app messages need none. A failing channel is logged and
 * never undoes the in-app message.
 */
public interface NotificationChannel {

    void deliver(long accountId, String messageKey, List<String> args, String link);
}
