package org.strokemeta.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public record of the analysis packages is serializable all the way down: each component is
 * primitive, a String, an enum, a serializable type, or a List/Map of those (so a cache or a Spark job
 * can carry any result).
 */
class RecordShapeTest {
    private static final List<String> PACKAGES = List.of("data", "effect", "pool", "subgroup", "regression", "bias",
            "sensitivity", "ordinal", "ipd");
    /** Options records holding an Optional, which Java serialization cannot carry. */
    private static final Set<String> NOT_SERIALIZABLE = Set.of("org.strokemeta.bias.FunnelOptions",
            "org.strokemeta.bias.TrimFillOptions");

    static List<Class<?>> publicRecords() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(MetaResult.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        for (String p : PACKAGES) {
            try (Stream<Path> files = Files.list(root.resolve("org/strokemeta").resolve(p))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    if (name.endsWith(".class")) {
                        Class<?> c = Class.forName("org.strokemeta." + p + "." + name.substring(0, name.length() - 6));
                        if (c.isRecord() && isPublic(c)) {
                            out.add(c);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static boolean isPublic(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean serializable(Type t) {
        if (t instanceof Class<?> c) {
            if (c.isArray()) {
                return serializable(c.getComponentType());
            }
            return c.isPrimitive() || c.isEnum() || Serializable.class.isAssignableFrom(c);
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && (raw == List.class || raw == Map.class)) {
            for (Type a : p.getActualTypeArguments()) {
                if (!serializable(a)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void every_public_record_is_serializable_all_the_way_down() throws Exception {
        List<Class<?>> records = publicRecords();
        assertThat(records).hasSizeGreaterThan(50);
        List<String> problems = new ArrayList<>();
        for (Class<?> c : records) {
            if (NOT_SERIALIZABLE.contains(c.getName())) {
                continue;
            }
            if (!Serializable.class.isAssignableFrom(c)) {
                problems.add(c.getName() + " is not Serializable");
            }
            for (RecordComponent rc : c.getRecordComponents()) {
                if (!serializable(rc.getGenericType())) {
                    problems.add(c.getName() + "." + rc.getName() + " (" + rc.getGenericType() + ") is not serializable");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
