package org.workstudy.audit;

import java.util.Collection;
import java.util.Map;

/**
 * The names of the people behind the trail's actors (usernames). Implemented by identity, which writes to the trail
 * and so may not be read by it directly (audit depends only on shared).
 */
public interface AuditActors {

    /** Username → display name, for the usernames that belong to an account. */
    Map<String, String> namesOf(Collection<String> usernames);
}
