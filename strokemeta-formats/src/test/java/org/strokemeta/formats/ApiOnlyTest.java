package org.strokemeta.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strokemeta.CoreModule;

/** The readers use the engine's API only: every engine package their sources name is exported by the core module. */
class ApiOnlyTest {
    @Test
    void every_engine_package_the_readers_use_is_exported_by_the_core_module() {
        Set<String> used = CoreModule.usedPackages(Path.of("strokemeta-formats/src/main/java"), "org.strokemeta.formats");
        assertThat(used).as("engine packages named by the readers' sources").isNotEmpty().contains("org.strokemeta.data");
        assertThat(CoreModule.exported()).containsAll(used).doesNotContain("org.strokemeta.internal");
    }
}
