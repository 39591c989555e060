package org.strokemeta.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.strokemeta.Verify;
import org.strokemeta.qualify.Mismatch;
import org.strokemeta.qualify.Qualification;
import org.strokemeta.qualify.ValidationCase;

/** {@code strokemeta verify [DIR]}: runs the qualification suite against R reference values. */
final class VerifyCommand extends Command {
    @Override
    String name() {
        return "verify";
    }

    @Override
    String summary() {
        return "Run the qualification suite (reference values from R) and report every mismatch.";
    }

    @Override
    String description() {
        return "Run reference cases computed with R (metafor, ordinal, lme4) and compare every value.\n"
                + "Prints each failure with key, expected, actual and tolerance, then 'N passed, M failed'.\n"
                + "Exit status 0 only when no case failed; analysis types this version does not support count as failed.";
    }

    @Override
    String positionalUsage() {
        return "[DIR]";
    }

    @Override
    int maxPositional() {
        return 1;
    }

    @Override
    List<Opt> options() {
        return List.of();
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        List<ValidationCase> cases;
        if (a.positional().isEmpty()) {
            cases = Verify.bundledCases();
        } else {
            Path dir = Path.of(a.positional().get(0));
            if (!Files.isDirectory(dir)) {
                throw new UsageException(dir + " is not a folder of validation cases");
            }
            cases = Verify.cases(dir);
            if (cases.isEmpty()) {
                throw new UsageException("the folder " + dir + " holds no validation cases (*.json files)");
            }
        }
        int passed = 0;
        int failed = 0;
        for (Qualification.Outcome o : Verify.run(cases)) {
            ValidationCase c = o.validationCase();
            if (o.passed()) {
                passed++;
                continue;
            }
            failed++;
            out.println("FAIL " + c.id() + " (" + c.analysis() + ", " + c.file() + ")");
            if (o.error() != null) {
                out.println("  " + o.error());
            }
            for (Mismatch m : o.mismatches()) {
                out.println("  " + m.key() + ": expected " + m.expected() + ", actual " + m.actual() + ", tolerance " + m.tolerance());
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
