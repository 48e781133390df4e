package org.workstudy.identity;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A new installation gets its first administrator from {@code workstudy.admin.initial-password}
 * (WORKSTUDY_ADMIN_INITIAL_PASSWORD): account {@code admin}, to be changed at first sign-in.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Accounts accounts;
    private final String initialPassword;

    AdminBootstrap(Accounts accounts, @Value("${workstudy.admin.initial-password:}") String initialPassword) {
        this.accounts = accounts;
        this.initialPassword = initialPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (initialPassword.isBlank() || !accounts.holdersOf(Grant.school(Role.ADMIN)).isEmpty()
                || accounts.usernameTaken("admin")) {
            return;
        }
        accounts.create(new NewAccount("admin", "系统管理员", initialPassword, true, List.of(Grant.school(Role.ADMIN))));
        log.info("Created the first administrator account 'admin'; its password must be changed at first sign-in.");
    }
}
