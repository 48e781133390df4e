package org.workstudy.exemptions;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.identity.CurrentUser;
import org.workstudy.identity.Grant;
import org.workstudy.identity.Role;
import org.workstudy.organization.ImportResult;
import org.workstudy.organization.Student;
import org.workstudy.placements.PlacementFixtures;
import org.workstudy.quality.QualityCredits;
import org.workstudy.support.Fixtures;
import org.workstudy.support.Logins;

import cn.idev.excel.FastExcel;

/** A college with a class, its students, their counselor and the college's work-study admin; quality credits. */
@Component
public class ExemptionFixtures {

    public static final String CHANGED = Fixtures.ACTIVATED_PASSWORD;
    /** The center's staff, acting without a signed-in session. */
    public static final CurrentUser CENTER = new CurrentUser(0, "center-test", "中心测试", Role.CENTER_STAFF,
            List.of(Grant.school(Role.CENTER_STAFF)));

    private final Fixtures school;
    private final PlacementFixtures placements;
    private final QualityCredits quality;

    ExemptionFixtures(Fixtures school, PlacementFixtures placements, QualityCredits quality) {
        this.school = school;
        this.placements = placements;
        this.quality = quality;
    }

    /** A college, one class of cohort 2024 and its people. */
    public record Unit(long collegeId, long classId, List<Student> students, String counselor, String collegeAdmin) {
        public Student student() {
            return students.get(0);
        }
    }

    public Unit unit(int students) {
        long college = school.college();
        long classId = school.schoolClass(college);
        return new Unit(college, classId, placements.students(classId, students),
                school.account(Grant.of(Role.COUNSELOR, classId)), school.account(Grant.of(Role.COLLEGE_ADMIN, college)));
    }

    public String director() {
        return school.account(Grant.school(Role.CENTER_DIRECTOR));
    }

    public String centerStaff() {
        return school.account(Grant.school(Role.CENTER_STAFF));
    }

    /** Imports the students' credits as the center (through the real import). */
    public void credits(Student s, String credits) {
        ImportResult r = quality.importFile(CENTER, "test.xlsx", new ByteArrayInputStream(
                xlsx(List.of(List.of(s.studentNo(), s.name(), credits, "")))));
        if (!r.ok()) {
            throw new IllegalStateException(r.errors().toString());
        }
    }

    public static byte[] xlsx(List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FastExcel.write(out).head(QualityCredits.COLUMNS.stream().map(List::of).toList()).sheet("素质拓展学分")
                .doWrite(new ArrayList<>(rows));
        return out.toByteArray();
    }

    /** A student's page session, after they activated their account. */
    public Cookie studentSession(MockMvc mvc, Student s) throws Exception {
        return Logins.login(mvc, s.studentNo(), school.password(s.studentNo()));
    }

    /** The student's password (the API serves only activated accounts). */
    public String apiPassword(Student s) {
        return school.password(s.studentNo());
    }

}
