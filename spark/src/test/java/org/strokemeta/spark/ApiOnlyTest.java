package org.strokemeta.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strokemeta.CoreModule;

/**
 * The Spark module uses the engine's API only: every engine package its sources name is exported by the core module
 * (besides the command line, whose meta and ipd the launcher runs through its public {@code Engine}).
 */
class ApiOnlyTest {
    @Test
    void every_engine_package_the_spark_module_uses_is_exported_by_the_core_module() {
        Set<String> used = new java.util.HashSet<>(CoreModule.usedPackages(Path.of("spark/src/main/java"),
                "org.strokemeta.spark"));
        used.remove("org.strokemeta.cli");
        assertThat(used).as("engine packages named by the Spark module's sources").isNotEmpty().contains("org.strokemeta.study");
        assertThat(CoreModule.exported()).containsAll(used).doesNotContain("org.strokemeta.internal");
    }
}
