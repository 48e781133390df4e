package org.workstudy.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.workstudy.support.IntegrationTest;

/**
 * While the application is not ready (the demo school still loading), sign-in says so instead of "wrong password";
 * once ready, everything answers as usual.
 */
@IntegrationTest
class StartupGateIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void beforeReadinessSignInSaysTheSystemIsBeingPrepared() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            mvc.perform(get("/login")).andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(content().string(containsString("系统正在准备中")));
            mvc.perform(post("/login").with(csrf()).param("username", "fdy012").param("password", "Demo1234"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(containsString("系统正在准备中")));
            mvc.perform(get("/login").header("Accept-Language", "en")).andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(containsString("Getting ready")));
            mvc.perform(get("/api/v1/me")).andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.detail").value(containsString("正在启动")));
            mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        mvc.perform(get("/login")).andExpect(status().isOk());
    }
}
