package org.workstudy.pay;

/** Who pays a sheet: the school's work-study fund (on-campus employers) or the employer (off campus). */
public enum Funding {
    SCHOOL_FUND, EMPLOYER
}
