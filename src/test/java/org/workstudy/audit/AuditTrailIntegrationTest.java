package org.workstudy.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.audit.internal.AuditQuery;
import org.workstudy.support.IntegrationTest;

@IntegrationTest
class AuditTrailIntegrationTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecordedChangeCanBeFoundWithOnlyTheFieldsThatChanged() {
        String id = "audit-" + System.nanoTime();
        tx.executeWithoutResult(s -> trail.recordChange("thing", id, "update", Map.of("a", 1, "b", "x"),
                Map.of("a", 2, "b", "x")));
        var found = trail.search(new AuditQuery(null, "thing", id, null, null, null), 0, 10);
        assertThat(found.items()).singleElement().satisfies(e -> {
            assertThat(e.changes()).isEqualTo("{\"a\":[1,2]}");
            assertThat(e.actor()).isEqualTo("system");
        });
    }

    @Test
    void theTrailCannotBeChangedOrDeletedInTheDatabase() {
        String id = "audit-" + System.nanoTime();
        tx.executeWithoutResult(s -> trail.record("thing", id, "create", Map.of("a", 1)));
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET actor = 'someone' WHERE entity_id = ?").param(id)
                .update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE entity_id = ?").param(id).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void writingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> trail.record("thing", 1, "create", Map.of()))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }
}
