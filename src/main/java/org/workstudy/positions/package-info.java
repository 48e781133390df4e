/**
 * Employers (用人单位) and their tripartite agreements, positions (岗位) in the school bank and the colleges' banks with
 * their review lifecycle, and annual plans (年度勤工助学计划) against actual figures. Other modules read positions
 * through {@link org.workstudy.positions.PositionBank} and react to {@link org.workstudy.positions.PositionPublished},
 * {@link org.workstudy.positions.PositionClosed} and {@link org.workstudy.positions.PositionCapacityChanged}; the
 * modules that own placements and hours contribute actual figures to plans through
 * {@link org.workstudy.positions.PlanActuals}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"shared", "identity", "audit", "organization", "policy", "places", "web"})
package org.workstudy.positions;
