package org.workstudy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules respect their declared dependencies. Their documentation (module map, one diagram and canvas per module)
 * is written to docs/architecture, which is committed and linked from docs/ARCHITECTURE.md: a change of the module
 * structure shows in the diff.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(WorkStudyApplication.class);

    @Test
    void modulesOnlyUseWhatTheyDeclare() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/architecture")).writeDocumentation();
    }
}
