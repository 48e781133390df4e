/**
 * The layout, navigation by role, the home page of each role, error pages, locale switching, and the mapping of
 * business errors to pages and to API problem details.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity"})
package org.workstudy.web;
