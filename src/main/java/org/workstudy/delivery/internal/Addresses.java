package org.workstudy.delivery.internal;

import java.util.regex.Pattern;

/** The shape of an e-mail address we accept: one {@code @}, no spaces, a dot in the domain, at most 254 characters. */
final class Addresses {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private Addresses() {
    }

    static boolean isEmail(String text) {
        return text != null && text.length() <= 254 && EMAIL.matcher(text).matches();
    }
}
