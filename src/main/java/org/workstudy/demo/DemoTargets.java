package org.workstudy.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the seed decides before anything is written: each student's target hours and the special roles (the demo
 * people) spread over the cohorts.
 */
final class DemoTargets extends DemoPast {

    DemoTargets(DemoPast past) {
        super(past);
    }

    /** Decides each student's role and hours from the seed; returns the latest graduated cohort (0: none). */
    int plan() {
        int latestGraduated = cohorts.keySet().stream().filter(this::graduated).max(Integer::compare).orElse(0);
        int fifth = cohorts.keySet().stream().filter(c -> semesterNow(c) == 5).findFirst().orElse(0);
        for (Map.Entry<Integer, List<Kid>> e : cohorts.entrySet()) {
            assignTargets(e.getKey(), e.getValue(), e.getKey() == latestGraduated, e.getKey() == fifth);
        }
        return latestGraduated;
    }


    // ================================================================== targets

    void assignTargets(int cohort, List<Kid> kids, boolean latestGraduated, boolean fifth) {
        int semester = semesterNow(cohort);
        for (int i = 0; i < kids.size(); i++) {
            Kid k = kids.get(i);
            Random r = k.random;
            double h;
            if (semester >= 6) {
                h = 360 + r.nextInt(9) * 4;
            } else if (semester == 5) {
                int band = r.nextInt(100);
                h = band < 22 ? 360 + r.nextInt(5) * 8 : band < 70 ? 272 + r.nextInt(11) * 8
                        : band < 92 ? 160 + r.nextInt(14) * 8 : r.nextInt(9) * 8;
            } else {
                // what the semesters so far allow, at a realistic pace: about 70 hours a semester, spread widely
                double pace = 40 + r.nextInt(60);
                h = Math.max(0, (semester - 1) * pace + r.nextInt(4) * 8 - 8);
            }
            k.target = BigDecimal.valueOf(h);
        }
        // the special roles: spread over the cohort's classes, the same students every time
        if (semester >= 6) {
            role(kids, 3, "exempt", BigDecimal.valueOf(40));
            role(kids, 5, "offset", BigDecimal.valueOf(120));
            if (latestGraduated) {
                int deficient = Math.max(4, kids.size() / 100);
                for (int d = 0; d < deficient; d++) {
                    role(kids, 11 + d * 17, d == 0 ? "released" : d == 1 ? "makeup" : "deferred",
                            BigDecimal.valueOf(250 + d * 16));
                }
                role(kids, 7, "graduate", BigDecimal.valueOf(376));
            }
        }
        if (fifth) {
            role(kids, 2, "complete", BigDecimal.valueOf(368));
            role(kids, 4, "behind", BigDecimal.valueOf(136));
            role(kids, 6, "at-risk", BigDecimal.valueOf(16));
            role(kids, 8, "out-of-city-waiting", BigDecimal.valueOf(232));
            role(kids, 10, "out-of-city-verified", BigDecimal.valueOf(248));
            role(kids, 12, "exemption-in-notice", BigDecimal.valueOf(24));
            role(kids, 14, "exemption-submitted", BigDecimal.valueOf(32));
            role(kids, 16, "exemption-director", BigDecimal.valueOf(48));
            role(kids, 18, "exemption-returned", BigDecimal.valueOf(40));
            role(kids, 20, "exemption-rejected", BigDecimal.valueOf(200));
            role(kids, 22, "exemption-withdrawn", BigDecimal.valueOf(180));
            role(kids, 24, "offset-final", BigDecimal.valueOf(96));
            role(kids, 26, "objector", BigDecimal.valueOf(300));
            role(kids, 28, "in-city", BigDecimal.valueOf(240));
        }
    }

    void role(List<Kid> kids, int index, String role, BigDecimal target) {
        Kid k = kids.get(Math.floorMod(index * 7919, kids.size()));
        for (int step = 0; !k.role.isEmpty(); step++) {
            k = kids.get(Math.floorMod(index * 7919 + step + 1, kids.size()));
        }
        k.role = role;
        k.target = target;
    }
}
