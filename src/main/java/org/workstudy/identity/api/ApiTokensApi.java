package org.workstudy.identity.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.workstudy.identity.internal.ApiTokens;
import org.workstudy.identity.CurrentUser;

/** The caller's personal access tokens for programs. */
@RestController
@RequestMapping("/api/v1/me/tokens")
@Tag(name = "identity")
class ApiTokensApi {

    private final ApiTokens tokens;

    ApiTokensApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record NewToken(String name, Integer validDays) {
    }

    @Operation(summary = "Issue a personal access token acting in the caller's active role (validDays 1–366, default"
            + " 90). The token is in this answer only. Needs a password sign-in (HTTP Basic): a token cannot issue"
            + " tokens (403)")
    @PostMapping
    ResponseEntity<ApiTokens.IssuedToken> issue(@RequestBody NewToken body) {
        return ResponseEntity.status(201).body(tokens.issue(CurrentUser.require(), body.name(), body.validDays()));
    }

    @Operation(summary = "The caller's tokens, newest first (first characters only)")
    @GetMapping
    List<ApiTokens.TokenView> list() {
        return tokens.of(CurrentUser.require());
    }

    @Operation(summary = "Revoke one of the caller's tokens; it stops working at once")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(CurrentUser.require(), id);
        return ResponseEntity.noContent().build();
    }
}
