package org.strokemeta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strokemeta.CoreModule;

/** The web application uses the engine's API only: every engine package its sources name is exported by the core module. */
class ApiOnlyTest {
    @Test
    void every_engine_package_the_web_application_uses_is_exported_by_the_core_module() {
        Set<String> used = CoreModule.usedPackages(Path.of("strokemeta-web/src/main/java"), "org.strokemeta.web");
        assertThat(used).as("engine packages named by the web application's sources").isNotEmpty().contains("org.strokemeta.study");
        // the readers of other file formats are a module of their own over the same API (its own ApiOnlyTest)
        used.remove("org.strokemeta.formats");
        assertThat(CoreModule.exported()).containsAll(used).doesNotContain("org.strokemeta.internal");
    }
}
