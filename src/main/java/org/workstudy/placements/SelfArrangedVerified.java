package org.workstudy.placements;

/**
 * The counselor accepted the employer's certificate of a self-arranged registration: hours already written for it
 * may count from now on (out-of-city work counts only with the certificate).
 */
public record SelfArrangedVerified(long registrationId, long studentId) {
}
