package org.workstudy.positions.internal;

import org.workstudy.positions.Employer;

/** What a user enters for an employer. */
public record EmployerForm(Boolean onCampus, String name, String city, String address, String contactPerson,
        String phone, Boolean active) {

    public static EmployerForm empty(String homeCity) {
        return new EmployerForm(Boolean.TRUE, null, homeCity, null, null, null, Boolean.TRUE);
    }

    public static EmployerForm of(Employer e) {
        // the picker shows the chosen division; a place no division matched must be chosen again
        return new EmployerForm(e.onCampus(), e.name(), e.divisionCode() != null ? e.divisionCode() : e.city(), e.address(), e.contactPerson(), e.phone(),
                e.active());
    }
}
