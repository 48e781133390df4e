package org.workstudy.hours;

import java.util.List;

/** Why one record of a batch was refused: its index in the batch and the message key (with arguments). */
public record RecordProblem(int index, String messageKey, List<Object> args) {

    public RecordProblem {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
