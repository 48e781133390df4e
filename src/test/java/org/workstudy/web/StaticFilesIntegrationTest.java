package org.workstudy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.workstudy.support.IntegrationTest;

/**
 * Static files are served under their own prefixes, cached by browsers for a week, webjars by versionless paths; and
 * no static mapping catches every path, since then each link a page renders is looked up on the class path (a miss
 * is not cached and the look-ups queue on one lock: the 8 a.m. rush's request threads waited there).
 */
@IntegrationTest
class StaticFilesIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ResourceUrlProvider resources;

    @Test
    void stylesScriptsAndWebjarsAreServedAndCached() throws Exception {
        mvc.perform(get("/css/app.css")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=604800")));
        mvc.perform(get("/js/app.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=604800")));
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/css/app.css")));
    }

    @Test
    void onlyTheStaticPrefixesGoThroughTheResourceChain() {
        assertThat(resources.getHandlerMap().keySet()).as("no static mapping may catch every path")
                .noneMatch(pattern -> pattern.equals("/**") || pattern.equals("/*"))
                .contains("/css/**", "/js/**", "/webjars/**");
        assertThat(resources.getForLookupPath("/jobs/1")).isNull();
    }
}
