package org.workstudy;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules respect their declared dependencies. Their documentation (module map, one diagram and canvas per module)
 * is written to target/spring-modulith-docs; with {@code -Darchitecture.docs=docs/architecture} to the committed copy
 * linked from docs/ARCHITECTURE.md. Not on every run: Modulith writes the relations in a varying order.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(WorkStudyApplication.class);

    @Test
    void modulesOnlyUseWhatTheyDeclare() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        String folder = System.getProperty("architecture.docs"); // null: Modulith's default, under target
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder)).writeDocumentation();
    }
}
