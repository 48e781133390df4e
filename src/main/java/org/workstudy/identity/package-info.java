/**
 * Accounts, passwords, roles and grants (role + scope), login, lockout, the active role and the {@link
 * org.workstudy.identity.CurrentUser}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
package org.workstudy.identity;
