package org.strokemeta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The module descriptor of strokemeta-core as built (its classes folder or jar, wherever the engine's
 * classes were loaded from), and the engine packages that a front end's sources use, for the tests of
 * the module boundary.
 */
public final class CoreModule {
    /** The module's name. */
    public static final String NAME = "org.strokemeta.core";

    /** A reference to a type of the engine: its package (lower-case segments) then a capitalised name. */
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.strokemeta((?:\\.[a-z][a-z0-9_]*)*)\\.[A-Z]");

    private CoreModule() {
    }

    /**
     * The folder or jar holding the engine's classes.
     *
     * @return its path
     */
    public static Path location() {
        try {
            return Path.of(ApiPackages.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the engine's module descriptor from its built classes.
     *
     * @return the descriptor of {@value #NAME}
     */
    public static ModuleDescriptor descriptor() {
        return ModuleFinder.of(location()).find(NAME)
                .orElseThrow(() -> new IllegalStateException("no module " + NAME + " in " + location()))
                .descriptor();
    }

    /**
     * The packages the module exports to every reader.
     *
     * @return their names, sorted
     */
    public static Set<String> exported() {
        Set<String> out = new TreeSet<>();
        for (ModuleDescriptor.Exports e : descriptor().exports()) {
            if (!e.isQualified()) {
                out.add(e.source());
            }
        }
        return out;
    }

    /**
     * The engine packages that Java sources refer to, by import or by a fully qualified name, leaving
     * out the packages below {@code ownPackage} (the front end's own).
     *
     * @param sourceRoot a source folder such as {@code strokemeta-cli/src/main/java}
     * @param ownPackage the front end's package, such as {@code org.strokemeta.cli}
     * @return the package names, sorted
     */
    public static Set<String> usedPackages(Path sourceRoot, String ownPackage) {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = REFERENCE.matcher(Files.readString(f));
                while (m.find()) {
                    String pkg = "org.strokemeta" + m.group(1);
                    if (!pkg.equals(ownPackage) && !pkg.startsWith(ownPackage + ".")) {
                        out.add(pkg);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
