package org.workstudy.positions;

/** What a user enters for an employer. */
public record EmployerForm(Boolean onCampus, String name, String city, String address, String contactPerson,
        String phone, Boolean active) {

    public static EmployerForm empty(String homeCity) {
        return new EmployerForm(Boolean.TRUE, null, homeCity, null, null, null, Boolean.TRUE);
    }

    public static EmployerForm of(Employer e) {
        return new EmployerForm(e.onCampus(), e.name(), e.city(), e.address(), e.contactPerson(), e.phone(),
                e.active());
    }
}
