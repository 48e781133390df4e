package org.workstudy.identity.web;

import jakarta.validation.constraints.NotBlank;

/**
 * What the activation page sends. The username and code are required here; whether the code is right and the password
 * strong enough is the service's to say (it needs the database).
 */
record ActivationForm(@NotBlank String username, @NotBlank String code, String next, String repeat) {

    ActivationForm {
        username = username == null ? "" : username;
        code = code == null ? "" : code;
        next = next == null ? "" : next;
        repeat = repeat == null ? "" : repeat;
    }
}
