package org.workstudy.delivery.internal;

/** The outbound channels: a person's e-mail address, or the group robot of their class or college. */
public enum Channel {
    EMAIL, GROUP
}
