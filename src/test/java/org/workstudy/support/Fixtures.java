package org.workstudy.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.workstudy.identity.Accounts;
import org.workstudy.identity.Activations;
import org.workstudy.identity.Grant;
import org.workstudy.identity.NewAccount;
import org.workstudy.organization.Gender;
import org.workstudy.organization.Organization;
import org.workstudy.organization.Roster;
import org.workstudy.organization.StudentForm;
import org.workstudy.organization.StudentStatus;
import org.workstudy.shared.IdCardNumber;

/**
 * Builds test data through the modules' own services, with unique codes and names so that tests never collide with
 * each other or with the demo school.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "Passw0rd1";
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final Organization organization;
    private final Roster roster;
    private final Accounts accounts;
    private final Activations activations;
    private final TransactionTemplate tx;

    Fixtures(Organization organization, Roster roster, Accounts accounts, Activations activations,
            TransactionTemplate tx) {
        this.organization = organization;
        this.roster = roster;
        this.accounts = accounts;
        this.activations = activations;
        this.tx = tx;
    }

    /** The password {@link #activate} sets. */
    public static final String ACTIVATED_PASSWORD = "Activ8ed2026";

    /** A fresh activation code for an account that has not set a password (as the class sheet would print). */
    public String activationCode(String username) {
        long id = accounts.findByUsername(username).orElseThrow().id();
        return activations.issue(List.of(id), "test").get(id).code();
    }

    /** The password of an account, activating it first if it still awaits activation (idempotent). */
    public String password(String username) {
        long id = accounts.findByUsername(username).orElseThrow().id();
        return activations.awaitingActivation(List.of(id)).isEmpty() ? ACTIVATED_PASSWORD : activate(username);
    }

    /** Activates a student's (or imported staff member's) account as they would, with {@link #ACTIVATED_PASSWORD}. */
    public String activate(String username) {
        activations.activate(username, activationCode(username), ACTIVATED_PASSWORD);
        return ACTIVATED_PASSWORD;
    }

    public static int next() {
        return SEQ.incrementAndGet();
    }

    public long college() {
        int n = next();
        return organization.saveCollege(null, "T" + n, "测试学院" + n, true);
    }

    /** A class (with its own major) in the college, cohort 2024. */
    public long schoolClass(long collegeId) {
        int n = next();
        long major = organization.saveMajor(null, collegeId, "M" + n, "测试专业" + n, true);
        return organization.saveClass(null, major, 2024, "测试班" + n, true);
    }

    public long student(long classId) {
        int n = next();
        String no = String.format("T%09d", n);
        String id = IdCardNumber.withCheckChar(String.format("350203200501%02d%03d", 1 + n % 28, n % 1000));
        return roster.create(new StudentForm(no, "测试学生" + n, Gender.FEMALE, classId, "2024-2025-1",
                StudentStatus.ACTIVE, "13800000000", id));
    }

    /** An account holding the grants, that signs in with {@link #PASSWORD} without a forced change. */
    public String account(Grant... grants) {
        String username = "t" + next();
        accounts.create(new NewAccount(username, "测试用户" + username, PASSWORD, false, List.of(grants)));
        return username;
    }

    /**
     * Waits (up to 10 seconds) until what an event listener does after commit is visible: listeners of
     * {@code @ApplicationModuleListener} run asynchronously.
     */
    public void awaitEvents(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the event's effect did not appear within 10 seconds");
            }
            Thread.onSpinWait();
            Thread.sleep(20);
        }
    }

    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        return tx.execute(s -> work.get());
    }
}
