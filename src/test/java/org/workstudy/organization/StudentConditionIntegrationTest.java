package org.workstudy.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.workstudy.support.Fixtures;
import org.workstudy.support.IntegrationTest;

/**
 * Another module's query selects, through the condition organization writes, exactly the students of the scope that
 * match the filters — here over a list of ids standing for the caller's own table.
 */
@IntegrationTest
class StudentConditionIntegrationTest {

    @Autowired
    DataScope scope;
    @Autowired
    Roster roster;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    long collegeA;
    long classA;
    long classA2;
    long studentA;
    long studentA2;
    long studentB;

    @BeforeEach
    void school() {
        collegeA = fixtures.college();
        classA = fixtures.schoolClass(collegeA);
        classA2 = fixtures.schoolClass(collegeA);
        studentA = fixtures.student(classA);
        studentA2 = fixtures.student(classA2);
        studentB = fixtures.student(fixtures.schoolClass(fixtures.college()));
    }

    private List<Long> select(StudentScope s, StudentQuery query) {
        StudentCondition condition = scope.condition(s, query, "mine.student_id");
        String ids = List.of(studentA, studentA2, studentB).stream().map(id -> "(" + id + ")")
                .collect(Collectors.joining(","));
        return jdbc.sql("SELECT mine.student_id FROM (VALUES " + ids + ") AS mine(student_id) WHERE "
                        + condition.sql() + " ORDER BY " + StudentCondition.studentNoOf("mine.student_id"))
                .params(condition.params()).query(Long.class).list();
    }

    @Test
    void aCollegeScopeHoldsItsStudentsAndAFilterNarrowsIt() {
        StudentScope college = new StudentScope(false, Set.of(collegeA), Set.of(), Set.of());
        assertThat(select(college, null)).containsExactly(studentA, studentA2);
        assertThat(select(college, new StudentQuery(null, null, classA2, null, null))).containsExactly(studentA2);
        // a filter never widens the scope: another college's class stays out
        long classB = roster.find(studentB).orElseThrow().classId();
        assertThat(select(college, new StudentQuery(null, null, classB, null, null))).isEmpty();
    }

    @Test
    void classAndSelfScopesAndNobody() {
        assertThat(select(new StudentScope(false, Set.of(), Set.of(classA), Set.of()), null)).containsExactly(studentA);
        assertThat(select(new StudentScope(false, Set.of(), Set.of(), Set.of(studentB)), null)).containsExactly(studentB);
        assertThat(select(StudentScope.nobody(), null)).isEmpty();
    }

    @Test
    void theSchoolSeesEveryoneAndTextMatchesNumberOrName() {
        StudentScope school = new StudentScope(true, Set.of(), Set.of(), Set.of());
        assertThat(select(school, null)).containsExactlyInAnyOrder(studentA, studentA2, studentB);
        Student b = roster.find(studentB).orElseThrow();
        assertThat(select(school, new StudentQuery(b.studentNo(), null, null, null, null))).containsExactly(studentB);
    }

    @Test
    void rowsNameStudentsWithTheirClassAndCollegeMasked() {
        StudentRow row = roster.rows(List.of(studentA, -1L)).get(studentA);
        assertThat(row.classId()).isEqualTo(classA);
        assertThat(row.collegeId()).isEqualTo(collegeA);
        assertThat(row.phone()).contains("****");
        assertThat(roster.rows(List.of(-1L))).isEmpty();
    }

    @Test
    void onlyAColumnNameIsAccepted() {
        assertThatThrownBy(() -> scope.condition(StudentScope.nobody(), null, "x; DROP TABLE org_student"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
