package org.workstudy.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class StudentScopeTest {

    @Test
    void schoolWideScopeFiltersNothing() {
        assertThat(new StudentScope(true, Set.of(), Set.of(), Set.of()).sql("s", "c")).isEqualTo("1=1");
    }

    @Test
    void anEmptyScopeMatchesNobody() {
        assertThat(StudentScope.nobody().sql("s", "c")).isEqualTo("1=0");
        assertThat(StudentScope.nobody().coversCollege(1)).isFalse();
    }

    @Test
    void aScopeIsTheUnionOfItsCollegesClassesAndStudents() {
        StudentScope scope = new StudentScope(false, Set.of(3L), Set.of(7L), Set.of(11L));
        assertThat(scope.sql("s", "c")).isEqualTo(
                "(1=0 OR c.college_id IN (3) OR s.class_id IN (7) OR s.id IN (11))");
        assertThat(scope.coversClass(7, 99)).isTrue();
        assertThat(scope.coversClass(8, 3)).isTrue();
        assertThat(scope.coversClass(8, 4)).isFalse();
    }
}
