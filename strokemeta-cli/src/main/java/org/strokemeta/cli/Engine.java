package org.strokemeta.cli;

import java.util.List;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.data.Table;
import org.strokemeta.study.IpdAnalysis;
import org.strokemeta.study.IpdRequest;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;

/**
 * Where {@code meta} and {@code ipd} read their data and compute, for a front end that runs them elsewhere (on a Spark
 * cluster): the command line parses and checks the options, builds the request and writes the output exactly as it
 * does on one machine ({@link Main#run(String[], java.io.PrintWriter, java.io.PrintWriter, Engine)}); the engine reads the
 * input and computes the analyses.
 */
public interface Engine {
    /**
     * What the engine reads: a path or table name it resolves, or a table already in memory (a bundled example).
     *
     * @param name  the path or table name given with {@code --input}, or the example's name
     * @param table the example's rows, or null for {@code name}
     */
    record Input(String name, Table table) {
    }

    /**
     * The name of the command the engine's launcher is run as, for messages ("strokemeta-spark").
     *
     * @return the launcher's name
     */
    String launcher();

    /**
     * The input's columns, as a table without rows (to choose the default columns, and to detect the kind of data).
     *
     * @param in the input
     * @return the header
     */
    Table header(Input in);

    /**
     * Every row of the input, for the analyses that take the data in one place (one meta-analysis, without
     * {@code --by}).
     *
     * @param in the input
     * @return the rows, as a file of them would give them
     */
    Table table(Input in);

    /**
     * One meta-analysis per group of the request's {@code by}, in order of the groups' first appearance, as
     * {@link org.strokemeta.Meta#analyze(Table, MetaRequest)} gives them.
     *
     * @param in      the input
     * @param request the request (with {@code by})
     * @return the analyses
     */
    List<MetaRun.Outcome> meta(Input in, MetaRequest request);

    /**
     * The patient-level analysis, as {@link IpdAnalysis#run(org.strokemeta.data.PatientData, IpdRequest)} gives it on the
     * patients the columns read.
     *
     * @param in      the input
     * @param columns the columns to read
     * @param request the request
     * @return the analysis
     */
    IpdAnalysis.Outcome ipd(Input in, PatientLoader.Columns columns, IpdRequest request);
}
