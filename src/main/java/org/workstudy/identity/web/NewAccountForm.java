package org.workstudy.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.workstudy.identity.Role;

/** A new account typed by an administrator: username and name are required; the password rules are the service's. */
record NewAccountForm(@NotBlank String username, @NotBlank String displayName, @NotNull String password, Role role) {
}
