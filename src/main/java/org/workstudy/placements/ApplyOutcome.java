package org.workstudy.placements;

/**
 * The answer to an application: accepted, wait-listed (with the place in the queue), or pending the employer's
 * choice. {@code repeated} is true when the student had applied already and this answer is that application's.
 */
public record ApplyOutcome(long applicationId, ApplicationStatus status, Integer waitPosition, boolean repeated)
        implements java.io.Serializable {
}
