package org.workstudy.awards.internal;

import java.util.List;

/**
 * What the rules say of one student, class or counselor: eligible, or just below (what they lack), or neither; the
 * conditions met with their figures, and those lacked.
 */
public record Verdict(boolean eligible, boolean near, List<Reason> met, List<Reason> lacks) {
}
