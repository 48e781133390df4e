package org.workstudy.web;

import java.util.Set;

import org.workstudy.identity.Role;

/**
 * An entry of the navigation. Modules declare theirs as beans; the layout shows those of the active role, in order.
 */
public record MenuItem(String labelKey, String href, Set<Role> roles, int order) {

    public MenuItem {
        roles = Set.copyOf(roles);
    }
}
