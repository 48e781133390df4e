package org.workstudy.identity;

import java.util.List;

/**
 * Names the things grants are given over (colleges, classes, employers, students). Modules that own them implement
 * it, so that identity can show and offer scopes without depending on them.
 */
public interface ScopeDirectory {

    /** The scope kinds this directory knows. */
    boolean knows(ScopeKind kind);

    /** A readable name for the scope, or null when it does not exist. */
    String nameOf(ScopeKind kind, long id);

    /** What may be chosen for a new grant of this kind. */
    List<ScopeOption> options(ScopeKind kind);

    record ScopeOption(long id, String name) {
    }
}
