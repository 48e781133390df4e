package org.workstudy.credits;

import java.util.Collection;
import java.util.Set;

/**
 * The hook for make-up (补修) after deferred graduation: implemented over the graduation audit's deferred list, it
 * answers which of these students were released from deferred graduation (their make-up done). They qualify for
 * recognition on the basis MAKE_UP, with their hours including the make-up. Without an implementation nobody does.
 */
public interface RecognitionMakeUps {

    Set<Long> released(Collection<Long> studentIds);
}
