package org.workstudy.notices;

import java.util.Set;

import org.workstudy.identity.Role;

/**
 * The office that answers objections to notices of a kind, declared as a bean by the module that publishes that kind
 * (so the board knows it without depending on that module). A kind without an office never becomes final.
 */
public record ObjectionOffice(NoticeKind kind, Set<Role> answeredBy) {

    public ObjectionOffice {
        answeredBy = Set.copyOf(answeredBy);
    }
}
