package org.workstudy.delivery.internal;

/** A person's channels: e-mail to their address, and/or their class's or college's group robot. */
public record Preference(String email, boolean emailOn, boolean groupOn) {

    public static final Preference NONE = new Preference(null, false, false);
}
