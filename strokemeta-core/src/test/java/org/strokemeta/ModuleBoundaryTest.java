package org.strokemeta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module {@code org.strokemeta.core} exports its API packages and nothing else: the descriptor
 * lists exactly the documented packages, and a client module compiled against the engine on the
 * module path can use an API package but not {@code org.strokemeta.internal}.
 */
class ModuleBoundaryTest {
    /** The API packages, as docs/java-api.md lists them. */
    private static final List<String> DOCUMENTED = List.of("org.strokemeta", "org.strokemeta.bayes", "org.strokemeta.bias", "org.strokemeta.data",
            "org.strokemeta.effect", "org.strokemeta.evidence", "org.strokemeta.glmm", "org.strokemeta.ipd", "org.strokemeta.multivariate", "org.strokemeta.ordinal", "org.strokemeta.plot", "org.strokemeta.pool",
            "org.strokemeta.qualify", "org.strokemeta.regression", "org.strokemeta.report", "org.strokemeta.sensitivity", "org.strokemeta.sequential",
            "org.strokemeta.simulation", "org.strokemeta.study", "org.strokemeta.subgroup");

    @Test
    void the_module_exports_exactly_the_documented_api_packages_and_not_internal() {
        assertThat(CoreModule.descriptor().name()).isEqualTo("org.strokemeta.core");
        assertThat(CoreModule.exported()).containsExactlyElementsOf(DOCUMENTED).doesNotContain("org.strokemeta.internal");
        assertThat(ApiPackages.NAMES).containsExactlyElementsOf(DOCUMENTED);
        assertThat(ApiPackages.isApi("org.strokemeta.internal")).isFalse();
        assertThat(CoreModule.descriptor().exports()).noneMatch(e -> e.isQualified());
        assertThat(CoreModule.descriptor().opens()).isEmpty();
    }

    @Test
    void the_java_api_document_lists_every_exported_package() throws IOException {
        String doc = Files.readString(Path.of("docs/java-api.md"));
        for (String p : DOCUMENTED) {
            assertThat(doc).contains("| `" + p + "` |");
        }
        assertThat(doc).doesNotContain("| `org.strokemeta.internal` |");
    }

    @Test
    void every_package_with_classes_is_exported_except_internal() throws IOException {
        Path classes = CoreModule.location();
        assertThat(classes).isDirectory();
        Set<String> withClasses = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class"))
                    .forEach(p -> withClasses.add(classes.relativize(p.getParent()).toString().replace(File.separatorChar, '.')));
        }
        assertThat(withClasses).contains("org.strokemeta.internal");
        withClasses.remove("org.strokemeta.internal");
        assertThat(withClasses).containsExactlyElementsOf(DOCUMENTED);
    }

    @Test
    void a_client_module_cannot_import_the_internal_package() throws IOException {
        Result r = compileClient("import org.strokemeta.internal.SharedArrays;\n", "SharedArrays.class.getName()");
        assertThat(r.ok()).isFalse();
        assertThat(r.messages()).contains("package org.strokemeta.internal is not visible")
                .contains("does not export it");
    }

    @Test
    void a_client_module_compiles_against_an_api_package() throws IOException {
        Result r = compileClient("import org.strokemeta.pool.MetaOptions;\n", "MetaOptions.defaults().level()");
        assertThat(r.messages()).doesNotContain("error");
        assertThat(r.ok()).isTrue();
    }

    @TempDir
    Path dir;

    private record Result(boolean ok, String messages) {
    }

    /** Compiles module {@code client}, which requires the engine, with one import and one expression. */
    private Result compileClient(String imports, String expression) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/client"));
        Path moduleInfo = Files.writeString(dir.resolve("src/module-info.java"), "module client {\n    requires org.strokemeta.core;\n}\n");
        Path probe = Files.writeString(src.resolve("Probe.java"), "package client;\n\n" + imports
                + "\npublic final class Probe {\n    public static Object probe() {\n        return " + expression + ";\n    }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler").isNotNull();
        StringWriter out = new StringWriter();
        // an empty class path: the engine is seen only as the module, not as classes of the unnamed module
        Path noClasses = Files.createDirectories(dir.resolve("empty"));
        List<String> options = List.of("--release", "17", "--module-path", modulePath(), "-classpath", noClasses.toString(),
                "-d", dir.resolve("out").toString(), "-Xlint:-requires-automatic");
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(out, files, null, options, null, files.getJavaFileObjects(moduleInfo, probe)).call();
            return new Result(ok, out.toString());
        }
    }

    /** The engine's classes and the libraries it requires (from the test class path). */
    private static String modulePath() {
        List<String> entries = new ArrayList<>();
        entries.add(CoreModule.location().toString());
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(e).getFileName().toString();
            if (name.endsWith(".jar") && (name.startsWith("jackson-") || name.startsWith("commons-statistics-")
                    || name.startsWith("commons-numbers-") || name.startsWith("commons-rng-") || name.startsWith("ejml-"))) {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
