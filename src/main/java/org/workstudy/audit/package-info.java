/**
 * The append-only trail of every write in every module: who, when, which record, what changed. Writing to it is one
 * call of {@link org.workstudy.audit.AuditTrail}, in the same transaction as the write it describes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.workstudy.audit;
