package org.workstudy.placements.internal;

import org.workstudy.organization.StudentStatus;
import org.workstudy.positions.PositionView;

/** The signed-in student as a position sees an applicant: enrolled or not, their college and cohort. */
public record Applicant(long studentId, StudentStatus status, long collegeId, int cohort) {

    /** Whether the position is open to this student's college and cohort (the rule applying checks, too). */
    public boolean admittedTo(PositionView position) {
        return position.admits(collegeId, cohort);
    }
}
