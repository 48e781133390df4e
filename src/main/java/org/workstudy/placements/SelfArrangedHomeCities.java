package org.workstudy.placements;

import org.springframework.stereotype.Component;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.places.Division;
import org.workstudy.places.Divisions;
import org.workstudy.policy.Policies;
import org.workstudy.policy.PolicyVersion;

/** A student's home city, and whether a place of self-arranged work lies outside it (and so needs the vice dean). */
@Component
class SelfArrangedHomeCities {

    private final Roster roster;
    private final Organization organization;
    private final Policies policies;
    private final Divisions divisions;

    SelfArrangedHomeCities(Roster roster, Organization organization, Policies policies, Divisions divisions) {
        this.roster = roster;
        this.organization = organization;
        this.policies = policies;
        this.divisions = divisions;
    }

    /**
     * The home city of the student: that of their cohort's policy version (the newest version's for a cohort before
     * the first version, whose work counts for nothing anyway).
     */
    String homeCity(long studentId) {
        return policyOf(studentId).homeCity();
    }

    /** The division a form names as the place of work (refused when it names none). */
    Division place(String city) {
        return divisions.require("city", city);
    }

    /**
     * Whether the place lies outside the student's home city (issue 12): outside the prefecture-level city of the
     * policy's home division, so any district of the home city is inside (思明区 in 厦门市), a neighbouring city
     * outside (泉州). A policy whose home city no division matched falls back to comparing the names.
     */
    boolean outOfCity(Division place, long studentId) {
        PolicyVersion policy = policyOf(studentId);
        if (policy.homeDivision() == null) {
            return SelfArrangedRules.outOfCity(place.label(), policy.homeCity());
        }
        return !divisions.sameCity(place.code(), policy.homeDivision());
    }

    private PolicyVersion policyOf(long studentId) {
        return roster.find(studentId).flatMap(s -> organization.schoolClass(s.classId()))
                .flatMap(c -> policies.forCohort(c.cohort())).orElseGet(policies::newest);
    }
}
