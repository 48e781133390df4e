package org.workstudy.web;

/**
 * The former home of {@link org.workstudy.shared.web.Outcomes}, kept only so that modules not yet moved over still
 * compile; import {@code org.workstudy.shared.web.Outcomes} instead.
 *
 * @deprecated moved to {@link org.workstudy.shared.web.Outcomes}
 */
@Deprecated(forRemoval = true)
public final class Outcomes extends org.workstudy.shared.web.Outcomes {

    private Outcomes() {
    }
}
