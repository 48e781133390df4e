package org.workstudy.notifications.internal;

import java.time.Instant;
import java.util.List;

/** A message as its reader sees it; render it with the reader's locale from {@code messageKey} and {@code args}. */
public record NotificationView(long id, Instant createdAt, String messageKey, List<String> args, String link,
        boolean read) {

    public NotificationView {
        args = List.copyOf(args);
    }

    /** The arguments as MessageFormat parameters (for {@code #messages.msgWithParams}). */
    public Object[] params() {
        return args.toArray();
    }
}
