package org.workstudy.web;

import java.io.IOException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;

/**
 * When the database cannot be reached (restarted, failed over, network gone), a request answers 503 with
 * {@code Retry-After} — a problem detail in the API, a page that needs no database and refreshes itself — instead of
 * a 500 or a misleading "wrong password". Nothing is half-written: each write is one transaction, rolled back with the
 * lost connection. The connection pool reconnects by itself once the database is back; the application is not
 * restarted. Outermost after the start-up gate, so that it also covers the session store and sign-in.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutage {

    static final int RETRY_SECONDS = 10;
    private static final Log LOG = LogFactory.getLog(DatabaseOutage.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseOutageFilter(ITemplateEngine templates, MessageSource messages,
            LocaleResolver locales) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Filter(templates, messages, locales));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2); // before sessions and security, after the start-up gate
        return registration;
    }

    /** Whether this failure means "the database is not reachable now" (and not a bug or refused data). */
    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // a commit or rollback that failed at the JDBC level: the connection broke under the transaction
            if (t instanceof org.springframework.transaction.TransactionSystemException) {
                return true;
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static final class Filter extends OncePerRequestFilter {

        private final ServiceUnavailable unavailable;

        Filter(ITemplateEngine templates, MessageSource messages, LocaleResolver locales) {
            this.unavailable = new ServiceUnavailable(templates, messages, locales, "unavailable",
                    RETRY_SECONDS);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | IOException | RuntimeException e) {
                if (!isOutage(e) || response.isCommitted()) {
                    throw e;
                }
                LOG.warn("Database unreachable, answering 503 to " + request.getMethod() + " "
                        + request.getRequestURI() + ": " + rootMessage(e));
                unavailable.answer(request, response, getServletContext());
            }
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }
}
