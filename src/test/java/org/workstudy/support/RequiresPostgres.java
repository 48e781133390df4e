package org.workstudy.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips PostgreSQL tests with a loud message when no server answers locally; with CI=true a missing server fails the
 * build instead.
 */
public class RequiresPostgres implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabase.available()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers");
        }
        String message = "PostgreSQL does not answer at WORKSTUDY_TEST_DB_URL (default 127.0.0.1:5432)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " and CI=true: failing instead of skipping");
        }
        System.err.println("!!!!! SKIPPING " + context.getDisplayName() + ": " + message + " !!!!!");
        return ConditionEvaluationResult.disabled(message);
    }
}
