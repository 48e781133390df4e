package org.workstudy.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's header: what the API is and how a program signs in: a personal access token as Bearer
 * (programs; issued at /account/tokens), or HTTP Basic with a WorkStudy account sent with every request (the API never
 * asks for it, so that browsers do not keep it). Either one satisfies the document's security requirement.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    @Bean
    OpenAPI workStudyApi() {
        return new OpenAPI()
                .info(new Info().title("WorkStudy API").version("v1").description("勤工助学管理系统 JSON API."
                        + " Bodies are application/json (uploads multipart/form-data); errors are RFC 9457 problem"
                        + " details naming the field, in Chinese unless Accept-Language asks for English."
                        + " Every call checks the account's active role and data scope; out-of-scope ids answer 404."))
                .components(new Components().addSecuritySchemes(BASIC, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A WorkStudy username and password, sent with every request (no challenge)."))
                        .addSecuritySchemes(BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("wst_… personal access token")
                                .description("A personal access token issued at /account/tokens or POST /api/v1/me/tokens;"
                                        + " it acts in the role chosen when it was issued, until it expires or is revoked.")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
