package org.workstudy.policy.internal;

import java.util.List;

/** Why a field of a {@link PolicyForm} was refused: the field's name and a message key with its arguments. */
public record PolicyProblem(String field, String messageKey, List<Object> args) {

    public PolicyProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
