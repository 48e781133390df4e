package org.workstudy.notices.internal;

import java.util.List;

import org.workstudy.notices.NoticeSummary;

/**
 * A notice for one reader: its lines; the objections the reader may see (their own, or all for the deciding office);
 * whether they may object now and whether they answer objections to it.
 */
public record NoticeDetail(NoticeSummary notice, List<NoticeLine> lines, List<ObjectionView> objections,
        boolean mayObject, boolean mayAnswer) {

    public NoticeDetail {
        lines = List.copyOf(lines);
        objections = List.copyOf(objections);
    }
}
