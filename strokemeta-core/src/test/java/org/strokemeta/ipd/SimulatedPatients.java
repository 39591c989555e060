package org.strokemeta.ipd;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.StrokeLoader;
import org.strokemeta.simulation.CohortSimulator;
import org.strokemeta.simulation.SimulationSpec;

/** Small simulated cohorts for tests. */
final class SimulatedPatients {
    private SimulatedPatients() {
    }

    static PatientData small() {
        return StrokeLoader.load(CsvReader.parse("sim.csv", new String(CohortSimulator.simulate(SimulationSpec.hermes(), 11, 0.3),
                StandardCharsets.UTF_8))).patients(List.of());
    }
}
