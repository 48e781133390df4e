package org.workstudy.organization;

/** A counselor of a class: their account and display name. */
public record ClassCounselor(long accountId, String name) {
}
