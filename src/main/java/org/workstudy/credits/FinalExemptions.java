package org.workstudy.credits;

import java.util.Collection;
import java.util.Map;

/**
 * The final exemption or offset of students, for their standing. Implemented by the exemptions module, which owns
 * exemptions and decides when one is final; credits only reads the answer.
 */
public interface FinalExemptions {

    /** The final exemption or offset of each of these students that has one (the latest when several). */
    Map<Long, ExemptionStanding> ofStudents(Collection<Long> studentIds);
}
