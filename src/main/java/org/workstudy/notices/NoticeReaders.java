package org.workstudy.notices;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Role;
import org.workstudy.organization.DataScope;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;
import org.workstudy.organization.StudentScope;

/**
 * Who reads a notice: the students of its scope (their class's college, and cohort if the notice has one) and the
 * staff whose data scope covers it (school-wide roles; vice dean and college admin of the college; the counselor of a
 * class in it). A school-wide notice (no college) is read by every student and member of staff, and a student always
 * reads a notice that lists them.
 */
@Component
class NoticeReaders {

    private final DataScope scope;
    private final Roster roster;
    private final Organization organization;

    NoticeReaders(DataScope scope, Roster roster, Organization organization) {
        this.scope = scope;
        this.roster = roster;
        this.organization = organization;
    }

    /**
     * Whom the user reads notices for: every notice, or those of some colleges, or those of some (college, cohort)
     * pairs (a counselor's classes, a student's class); school-wide notices always; a student also those that list
     * them. Empty: an employer or no role.
     */
    Optional<NoticeStore.Reach> reachOf(CurrentUser user) {
        if (user.activeRole() == null || user.activeRole() == Role.EMPLOYER) {
            return Optional.empty();
        }
        StudentScope students = scope.studentsOf(user);
        if (students.school()) {
            return Optional.of(new NoticeStore.Reach(true, Set.of(), Set.of(), Set.of()));
        }
        Set<Long> classIds = new HashSet<>(students.classIds());
        students.studentIds().forEach(id -> roster.find(id).ifPresent(s -> classIds.add(s.classId())));
        Set<List<Long>> pairs = new HashSet<>();
        for (long classId : classIds) {
            organization.schoolClass(classId).map(NoticeReaders::pair).ifPresent(pairs::add);
        }
        return Optional.of(new NoticeStore.Reach(false, students.collegeIds(), pairs, students.studentIds()));
    }

    private static List<Long> pair(SchoolClass c) {
        return List.of(c.collegeId(), (long) c.cohort());
    }
}
