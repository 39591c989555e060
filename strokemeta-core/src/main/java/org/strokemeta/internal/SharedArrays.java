package org.strokemeta.internal;

import org.strokemeta.data.BinaryStudies;
import org.strokemeta.data.ContinuousStudies;
import org.strokemeta.data.GenericStudies;
import org.strokemeta.data.Studies;
import org.strokemeta.effect.EffectSizes;

/**
 * Library-internal reading of the arrays inside large value records without a copy, for the hot paths
 * (a million studies, or ten thousand small analyses), in the manner of the JDK's SharedSecrets. Not
 * part of the API: it is not meant to be exported, and code that uses it must never write to, keep
 * in a mutable place or hand out the arrays it gets. An immutable record may share such an array
 * with the immutable record it came from (an {@link EffectSizes} with its input), as both only read it.
 *
 * <p>Each record registers its reader in its static initialiser; holding an instance means the class
 * has been initialised, so the reader is set (class initialisation orders the write before any use).
 */
public final class SharedArrays {
    /** Reads the arrays of one kind of study data. */
    public interface StudyArrays<S extends Studies> {
        String[] study(S s);

        int[] lines(S s);
    }

    /** Reads the arrays of {@link GenericStudies}. */
    public interface Generic extends StudyArrays<GenericStudies> {
        double[] yi(GenericStudies s);

        double[] vi(GenericStudies s);
    }

    /** Reads the arrays of {@link EffectSizes}. */
    public interface Effects {
        double[] yi(EffectSizes e);

        double[] vi(EffectSizes e);
    }

    private static volatile Generic generic;
    private static volatile StudyArrays<BinaryStudies> binary;
    private static volatile StudyArrays<ContinuousStudies> continuous;
    private static volatile Effects effects;

    private SharedArrays() {
    }

    private static void once(Object current) {
        if (current != null) {
            throw new IllegalStateException("already registered");
        }
    }

    /** Called once by {@link GenericStudies}. */
    public static void registerGeneric(Generic g) {
        once(generic);
        generic = g;
    }

    /** Called once by {@link BinaryStudies}. */
    public static void registerBinary(StudyArrays<BinaryStudies> b) {
        once(binary);
        binary = b;
    }

    /** Called once by {@link ContinuousStudies}. */
    public static void registerContinuous(StudyArrays<ContinuousStudies> c) {
        once(continuous);
        continuous = c;
    }

    /** Called once by {@link EffectSizes}. */
    public static void registerEffects(Effects e) {
        once(effects);
        effects = e;
    }

    /** The reader of {@code s}'s arrays. */
    public static Generic of(GenericStudies s) {
        return generic;
    }

    /** The reader of {@code e}'s arrays. */
    public static Effects of(EffectSizes e) {
        return effects;
    }

    /** The labels of any kind of study data, without a copy for the binary, continuous and generic kinds. */
    public static String[] study(Studies s) {
        if (s instanceof BinaryStudies b) {
            return binary.study(b);
        }
        if (s instanceof ContinuousStudies c) {
            return continuous.study(c);
        }
        if (s instanceof GenericStudies g) {
            return generic.study(g);
        }
        // the other kinds register no reader: a copy
        return s.study();
    }

    /** The file lines of any kind of study data, without a copy for the binary, continuous and generic kinds. */
    public static int[] lines(Studies s) {
        if (s instanceof BinaryStudies b) {
            return binary.lines(b);
        }
        if (s instanceof ContinuousStudies c) {
            return continuous.lines(c);
        }
        if (s instanceof GenericStudies g) {
            return generic.lines(g);
        }
        return s.lines();
    }
}
