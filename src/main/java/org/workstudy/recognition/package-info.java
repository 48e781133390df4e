/**
 * Joint credit recognition (学分认定): the proposal per college and cohort, the vice dean's list, the joint approval of
 * academic affairs and the center director, the public notice, and the credit records written when it is final.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity", "audit", "organization",
        "calendar", "policy", "approvals", "notifications", "hours", "notices", "credits", "web"})
package org.workstudy.recognition;
