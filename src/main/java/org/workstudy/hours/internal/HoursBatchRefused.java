package org.workstudy.hours.internal;

import java.util.List;

import org.workstudy.shared.BusinessException;
import org.workstudy.hours.RecordProblem;

/** A batch of records of which at least one broke a rule: nothing was written. Every refused record is listed. */
public class HoursBatchRefused extends BusinessException {

    private final transient List<RecordProblem> problems;

    public HoursBatchRefused(List<RecordProblem> problems) {
        super(422, "hours.batch.refused", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<RecordProblem> problems() {
        return problems;
    }
}
