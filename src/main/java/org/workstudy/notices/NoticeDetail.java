package org.workstudy.notices;

import java.util.List;

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
