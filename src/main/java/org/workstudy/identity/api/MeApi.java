package org.workstudy.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.identity.CurrentUser;

/** Who the caller is: account, active role (the first by rank for the API) and grants. */
@RestController
@Tag(name = "identity")
class MeApi {

    @Operation(summary = "The calling account, its active role and grants")
    @GetMapping("/api/v1/me")
    CurrentUser me() {
        return CurrentUser.require();
    }
}
