package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.data.StrokeField;

/** {@code strokemeta dictionary}: prints the data dictionary of patient-level thrombectomy trial data. */
final class DictionaryCommand extends Command {
    @Override
    String name() {
        return "dictionary";
    }

    @Override
    String summary() {
        return "Print the data dictionary of patient-level thrombectomy trial data (Markdown).";
    }

    @Override
    List<Opt> options() {
        return List.of();
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        out.print(StrokeField.markdown());
        out.flush();
        return 0;
    }
}
