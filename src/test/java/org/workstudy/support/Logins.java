package org.workstudy.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Signs in through the real login form and hands back the session cookie, as a browser would keep it (sessions live
 * in the database through Spring Session, so the cookie is the session). Use it with {@code .cookie(session)}.
 */
public final class Logins {

    private Logins() {
    }

    public static Cookie login(MockMvc mvc, String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin().user(username).password(password)).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        Cookie session = result.getResponse().getCookie("SESSION");
        if (location == null || location.contains("error") || session == null) {
            throw new IllegalStateException("login of " + username + " failed: " + location);
        }
        return session;
    }
}
