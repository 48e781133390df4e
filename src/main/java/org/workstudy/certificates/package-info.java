/**
 * Work-study certificates (勤工助学证明) of students whose credits are recognised: the page and the PDF, the
 * student's home card, and the public verification page and API that check a code. Reads the credit record through
 * {@link org.workstudy.credits.CreditStandings}; nothing here writes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "organization", "policy",
        "credits", "web"})
package org.workstudy.certificates;
