package org.workstudy.positions;

/** The steps of a position's lifecycle. */
public enum PositionAction {
    SUBMIT, APPROVE, RETURN, PUBLISH, CLOSE, CANCEL;

    /** The lower-case name used in URLs and in the audit trail. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PositionAction ofCode(String code) {
        for (PositionAction a : values()) {
            if (a.code().equalsIgnoreCase(code)) {
                return a;
            }
        }
        throw org.workstudy.shared.BusinessException.notFound("error.not-found");
    }
}
