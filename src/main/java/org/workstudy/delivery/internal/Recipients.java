package org.workstudy.delivery.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Grant;
import org.workstudy.identity.ScopeKind;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.SchoolClass;

/**
 * Finds the group robot that speaks to a person: a student's class robot, else their college's; a counselor's class
 * robot (of the classes they are granted), else that class's college robot; a college role's college robot.
 */
@Component
class Recipients {

    private final Accounts accounts;
    private final Roster roster;
    private final Organization organization;
    private final DeliveryStore store;

    Recipients(Accounts accounts, Roster roster, Organization organization, DeliveryStore store) {
        this.accounts = accounts;
        this.roster = roster;
        this.organization = organization;
        this.store = store;
    }

    String nameOf(long accountId) {
        return accounts.displayNames(List.of(accountId)).getOrDefault(accountId, "#" + accountId);
    }

    Optional<Robot> robotOf(long accountId) {
        List<Long> classes = new ArrayList<>();
        List<Long> colleges = new ArrayList<>();
        roster.ofAccount(accountId).ifPresent(student -> classes.add(student.classId()));
        for (Grant grant : accounts.grantsOf(accountId)) {
            if (grant.scopeId() == null) {
                continue;
            }
            if (grant.scopeKind() == ScopeKind.SELF) { // a student's grant names the student
                roster.find(grant.scopeId()).ifPresent(student -> classes.add(student.classId()));
            } else if (grant.scopeKind() == ScopeKind.CLASS) {
                classes.add(grant.scopeId());
            } else if (grant.scopeKind() == ScopeKind.COLLEGE) {
                colleges.add(grant.scopeId());
            }
        }
        for (long classId : classes) {
            Optional<Robot> robot = store.robot(ScopeKind.CLASS.name(), classId);
            if (robot.isPresent()) {
                return robot;
            }
        }
        classes.stream().map(organization::schoolClass).flatMap(Optional::stream).map(SchoolClass::collegeId)
                .forEach(colleges::add);
        for (long collegeId : colleges) {
            Optional<Robot> robot = store.robot(ScopeKind.COLLEGE.name(), collegeId);
            if (robot.isPresent()) {
                return robot;
            }
        }
        return Optional.empty();
    }
}
