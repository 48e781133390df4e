/**
 * The school's organisation: colleges, majors, classes and cohorts, students and staff; roster import and export;
 * and scope resolution — {@link org.workstudy.organization.DataScope} answers whether a user may see or act on a
 * student, class or college, and filters every query of student data.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "web"})
package org.workstudy.organization;
