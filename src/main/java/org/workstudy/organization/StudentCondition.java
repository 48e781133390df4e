package org.workstudy.organization;

import java.util.Map;

/**
 * The one way another module selects students in its SQL: a condition on its own column of student ids, written by
 * organization so that no other module names organization's tables. It holds the user's scope and any filters of a
 * {@link StudentQuery}; add {@link #sql()} to a WHERE clause and {@link #params()} to the named parameters (their
 * names start with {@code sc_}, so they do not clash with the caller's).
 */
public record StudentCondition(String sql, Map<String, Object> params) {

    public StudentCondition {
        params = Map.copyOf(params);
    }

    /**
     * A sort key: the 学号 of the student in {@code studentIdColumn}, for lists ordered the way people read rosters.
     * Use it in ORDER BY beside a condition; it names no table of the caller.
     */
    public static String studentNoOf(String studentIdColumn) {
        return "(SELECT sk.student_no FROM org_student sk WHERE sk.id = " + column(studentIdColumn) + ")";
    }

    static String column(String name) {
        // a column reference, never user input: letters, digits, underscore and one qualifying dot
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
            throw new IllegalArgumentException("not a column: " + name);
        }
        return name;
    }
}
