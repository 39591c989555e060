package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strokemeta.CoreModule;

/** The command line uses the engine's API only: every engine package its sources name is exported by the core module. */
class ApiOnlyTest {
    @Test
    void every_engine_package_the_command_line_uses_is_exported_by_the_core_module() {
        Set<String> used = CoreModule.usedPackages(Path.of("strokemeta-cli/src/main/java"), "org.strokemeta.cli");
        assertThat(used).as("engine packages named by the command line's sources").isNotEmpty().contains("org.strokemeta.study");
        // the web application is another front end, not part of the engine
        used.remove("org.strokemeta.web");
        // and the readers of other file formats are a module of their own over the same API (its own ApiOnlyTest)
        used.remove("org.strokemeta.formats");
        assertThat(CoreModule.exported()).containsAll(used).doesNotContain("org.strokemeta.internal");
    }
}
