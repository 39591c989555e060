package org.strokemeta.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.strokemeta.Meta;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.Examples;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The RevMan 5 export: its layout is the one RevMan 5 writes (checked against Fleiss1993.rm5, saved by RevMan 5.0.23 and
 * shipped with R's meta package, GPL >= 2), the values it stores for a RevMan analysis equal the ones RevMan stored, and
 * every file reads back to the same data and results.
 */
class RevManExportTest {
    private static final String FLEISS = "/org/strokemeta/data/revman/Fleiss1993.rm5";

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RevManExportTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static MetaRequest revmanFixedMh() {
        MetaRequest r = MetaRequest.defaults().withMeasure(Measure.OR);
        return r.withOptions(r.options().withModel(Model.FIXED).withFixedMethod(FixedMethod.MH));
    }

    @Test
    void the_aspirin_outcome_written_again_stores_what_revman_stored() throws Exception {
        RevMan.Outcome source = RevMan.outcome("Fleiss1993.rm5", resource(FLEISS), "1.1");
        RevManExport.Result r = RevManExport.write(source.table(), revmanFixedMh(),
                new RevManExport.Labels("Fleiss 1993", source.comparison(), source.name(), "Aspirin", "Control"));
        assertThat(r.notes()).isEmpty();
        Element mine = (Element) parse(r.xml()).getElementsByTagName("DICH_OUTCOME").item(0);
        Element theirs = (Element) parse(resource(FLEISS)).getElementsByTagName("DICH_OUTCOME").item(0);
        for (String key : List.of("CHI2", "CI_END", "CI_START", "EFFECT_SIZE", "I2", "LOG_CI_END", "LOG_CI_START", "LOG_EFFECT_SIZE", "P_Z", "Z",
                "TAU2", "WEIGHT")) {
            assertThat(Double.parseDouble(mine.getAttribute(key))).as(key)
                    .isCloseTo(Double.parseDouble(theirs.getAttribute(key)), within(1e-10 * Math.max(1, Math.abs(Double.parseDouble(theirs.getAttribute(key))))));
        }
        // RevMan's chi² p-value carries about 7 digits (the statistic itself agrees to 1e-14)
        assertThat(Double.parseDouble(mine.getAttribute("P_CHI2"))).isCloseTo(Double.parseDouble(theirs.getAttribute("P_CHI2")), within(1e-6));
        for (String key : List.of("CI_STUDY", "CI_TOTAL", "DF", "EFFECT_MEASURE", "ESTIMABLE", "EVENTS_1", "EVENTS_2", "METHOD", "RANDOM", "STUDIES",
                "SUBGROUPS", "SWAP_EVENTS", "TOTALS", "TOTAL_1", "TOTAL_2")) {
            assertThat(mine.getAttribute(key)).as(key).isEqualTo(theirs.getAttribute(key));
        }
        Map<String, Element> theirData = new HashMap<>();
        NodeList td = theirs.getElementsByTagName("DICH_DATA");
        for (int i = 0; i < td.getLength(); i++) {
            theirData.put(((Element) td.item(i)).getAttribute("STUDY_ID"), (Element) td.item(i));
        }
        NodeList md = mine.getElementsByTagName("DICH_DATA");
        assertThat(md.getLength()).isEqualTo(7);
        for (int i = 0; i < md.getLength(); i++) {
            Element m = (Element) md.item(i);
            Element t = theirData.get(m.getAttribute("STUDY_ID"));
            assertThat(t).as("RevMan's study id of %s", m.getAttribute("STUDY_ID")).isNotNull();
            for (String key : List.of("CI_END", "CI_START", "EFFECT_SIZE", "LOG_CI_END", "LOG_CI_START", "LOG_EFFECT_SIZE", "SE", "VAR", "WEIGHT")) {
                double want = Double.parseDouble(t.getAttribute(key));
                assertThat(Double.parseDouble(m.getAttribute(key))).as("%s %s", m.getAttribute("STUDY_ID"), key)
                        .isCloseTo(want, within(1e-10 * Math.max(1, Math.abs(want))));
            }
            for (String key : List.of("EVENTS_1", "EVENTS_2", "TOTAL_1", "TOTAL_2", "ESTIMABLE")) {
                assertThat(m.getAttribute(key)).isEqualTo(t.getAttribute(key));
            }
        }
    }

    /** Every element path the export writes, and every attribute of it, is one RevMan 5 writes itself. */
    @Test
    void the_layout_is_the_one_revman_writes() throws Exception {
        Map<String, Set<String>> revman = layout(parse(resource(FLEISS)).getDocumentElement(), "", new HashMap<>());
        Table bcg = Examples.table(Examples.get("bcg"));
                List<byte[]> files = List.of(
                RevManExport.write(bcg, revmanFixedMh(), RevManExport.Labels.defaults()).xml(),
                RevManExport.write(bcg, revmanFixedMh().withSubgroup("alloc"), RevManExport.Labels.defaults()).xml(),
                RevManExport.write(continuous(), MetaRequest.defaults().withMeasure(Measure.SMD), RevManExport.Labels.defaults()).xml());
        for (byte[] f : files) {
            Map<String, Set<String>> mine = layout(parse(f).getDocumentElement(), "", new HashMap<>());
            for (Map.Entry<String, Set<String>> e : mine.entrySet()) {
                // a subgroup sits between the outcome and its data; its attributes are the outcome's
                String path = e.getKey().replace("/DICH_SUBGROUP", "").replace("/CONT_SUBGROUP", "");
                if (e.getKey().endsWith("_SUBGROUP")) {
                    String outcome = e.getKey().replaceAll("_SUBGROUP$", "_OUTCOME").replaceAll("/(DICH|CONT)_OUTCOME/", "/");
                    assertThat(revman.getOrDefault(outcome, revman.get(path.replaceAll("_SUBGROUP$", "_OUTCOME"))))
                            .as(e.getKey()).isNotNull().containsAll(e.getValue());
                    continue;
                }
                if (e.getKey().endsWith("_SUBGROUP/NAME")) {
                    continue;
                }
                assertThat(revman).as("element %s", e.getKey()).containsKey(path);
                assertThat(revman.get(path)).as("attributes of %s", path).containsAll(e.getValue());
            }
        }
    }

    @Test
    void a_review_reads_back_to_the_same_data_and_results() throws Exception {
        Table bcg = Examples.table(Examples.get("bcg"));
        MetaRequest req = MetaRequest.defaults().withMeasure(Measure.RR);
        req = req.withOptions(req.options().withTau2(Tau2Method.DL));
        RevManExport.Result r = RevManExport.write(bcg, req, new RevManExport.Labels("BCG & tuberculosis <trials>", "BCG versus none",
                "Tuberculosis", "BCG \"vaccine\"", "No vaccine"));
        assertThat(r.notes()).isEmpty();
        RevMan.Outcome back = RevMan.outcome("bcg.rm5", r.xml(), null);
        assertThat(back.name()).isEqualTo("Tuberculosis");
        assertThat(back.comparison()).isEqualTo("BCG versus none");
        assertThat(back.groups()).containsExactly("BCG \"vaccine\"", "No vaccine");
        sameStudies(back.table(), bcg);
        MetaRun.Outcome mine = Meta.analyze(bcg, req).get(0);
        RevMan.Stored s = back.stored();
        assertThat(s.measure()).isEqualTo("RR");
        assertThat(s.random()).isTrue();
        assertThat(s.method()).isEqualTo("IV");
        assertThat(Math.log(s.estimate())).isCloseTo(mine.result().pooled().estimate(), within(1e-14));
        assertThat(s.tau2()).isCloseTo(mine.result().heterogeneity().tau2(), within(1e-14));
        assertThat(s.chi2()).isCloseTo(mine.result().heterogeneity().q(), within(1e-12));
        assertThat(s.df()).isEqualTo(12);
        // analysed again from the file with RevMan's method: the same result
        MetaRun.Outcome again = Meta.analyze(back.table(), req).get(0);
        assertThat(again.result().pooled().estimate()).isEqualTo(mine.result().pooled().estimate());
    }

    @Test
    void subgroups_and_batches_become_revman_subgroups_and_outcomes() throws Exception {
        Table bcg = Examples.table(Examples.get("bcg"));
        MetaRequest req = revmanFixedMh().withSubgroup("alloc");
        RevManExport.Result r = RevManExport.write(bcg, req, RevManExport.Labels.defaults());
        Document d = parse(r.xml());
        NodeList groups = d.getElementsByTagName("DICH_SUBGROUP");
        MetaRun.Outcome mine = r.analyses().get(0);
        assertThat(groups.getLength()).isEqualTo(mine.subgroups().groups().size());
        Element outcome = (Element) d.getElementsByTagName("DICH_OUTCOME").item(0);
        assertThat(outcome.getAttribute("SUBGROUPS")).isEqualTo("YES");
        assertThat(Double.parseDouble(outcome.getAttribute("Q"))).isCloseTo(mine.subgroups().between().statistic(), within(1e-12));
        double weights = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            weights += Double.parseDouble(((Element) groups.item(i)).getAttribute("WEIGHT"));
        }
        assertThat(weights).isCloseTo(100, within(1e-9));
        RevMan.Outcome back = RevMan.outcome("g.rm5", r.xml(), "1.1");
        assertThat(back.table().columnNames()).contains("subgroup");
        for (int i = 0; i < back.table().rows(); i++) {
            String study = back.table().text(i, "study");
            int row = rowOf(bcg, study);
            assertThat(back.table().text(i, "subgroup")).isEqualTo(bcg.text(row, "alloc"));
        }
        // one outcome per group of a batch
        RevManExport.Result batch = RevManExport.write(bcg, revmanFixedMh().withBy("alloc"), RevManExport.Labels.defaults());
        List<RevMan.Outcome> outcomes = RevMan.read("b.rm5", batch.xml());
        assertThat(outcomes).extracting(RevMan.Outcome::name).containsExactly("random", "alternate", "systematic");
        assertThat(outcomes).extracting(RevMan.Outcome::id).containsExactly("1.1", "1.2", "1.3");
    }

    @Test
    void double_zero_studies_are_not_estimable_for_ratios_and_continuous_data_round_trip() throws Exception {
        Table t = CsvReader.parse("z.csv", ("study,events_treat,total_treat,events_ctrl,total_ctrl\nA,3,50,9,50\nB,0,20,0,21\nC,5,40,11,42\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        RevManExport.Result r = RevManExport.write(t, revmanFixedMh(), RevManExport.Labels.defaults());
        Element b = (Element) parse(r.xml()).getElementsByTagName("DICH_DATA").item(1);
        assertThat(b.getAttribute("ESTIMABLE")).isEqualTo("NO");
        assertThat(b.getAttribute("EVENTS_1")).isEqualTo("0");
        assertThat(b.getAttribute("TOTAL_2")).isEqualTo("21");
        Element o = (Element) parse(r.xml()).getElementsByTagName("DICH_OUTCOME").item(0);
        assertThat(o.getAttribute("STUDIES")).isEqualTo("3");
        assertThat(o.getAttribute("DF")).isEqualTo("1");
        sameStudies(RevMan.outcome("z.rm5", r.xml(), "1.1").table(), t);

        Table c = continuous();
        RevManExport.Result cr = RevManExport.write(c, MetaRequest.defaults().withMeasure(Measure.MD), RevManExport.Labels.defaults());
        RevMan.Outcome back = RevMan.outcome("c.rm5", cr.xml(), "1.1");
        assertThat(back.kind()).isEqualTo("continuous");
        assertThat(back.stored().measure()).isEqualTo("MD");
        for (String col : List.of("mean_treat", "sd_treat", "n_treat", "mean_ctrl", "sd_ctrl", "n_ctrl")) {
            assertThat(back.table().numbers(col)).as(col).containsExactly(c.numbers(col));
        }
        // REML asked for: the file stores RevMan's DerSimonian-Laird analysis and says so
        assertThat(cr.notes()).anySatisfy(n -> assertThat(n).contains("DerSimonian-Laird"));
        assertThat(back.stored().tau2()).isCloseTo(cr.analyses().get(0).result().heterogeneity().tau2(), within(1e-15));
    }

    @Test
    void data_revman_cannot_hold_are_refused_with_the_reason() {
        Table generic = CsvReader.parse("g.csv", "study,yi,vi\nA,0.1,0.04\nB,0.3,0.02\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> RevManExport.write(generic, MetaRequest.defaults(), RevManExport.Labels.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("generic");
        Table bcg = Examples.table(Examples.get("bcg"));
        assertThatThrownBy(() -> RevManExport.write(bcg, MetaRequest.defaults().withMeasure(Measure.AS), RevManExport.Labels.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("RevMan offers [OR, RR, RD, PETO]");
        MetaRequest r = MetaRequest.defaults();
        MetaRequest lvl = r.withOptions(r.options().withLevel(0.8));
        assertThatThrownBy(() -> RevManExport.write(bcg, lvl, RevManExport.Labels.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("90, 95 or 99%");
    }

    /** Generic inverse-variance outcomes: the measure is an element, and the scale of the studies' values is read from their limits. */
    @Test
    void generic_ratio_outcomes_are_read_on_the_scale_their_confidence_limits_show() {
        String natural = "<IV_DATA CI_END=\"" + Math.exp(Math.log(0.8) + 1.959963984540054 * 0.2) + "\" CI_START=\"0.5\" EFFECT_SIZE=\"0.8\" "
                + "SE=\"0.2\" STUDY_ID=\"STD-A\"/>";
        String logged = "<IV_DATA CI_END=\"" + (Math.log(0.8) + 1.959963984540054 * 0.2) + "\" CI_START=\"-1\" EFFECT_SIZE=\"" + Math.log(0.8)
                + "\" SE=\"0.2\" STUDY_ID=\"STD-A\"/>";
        String bare = "<IV_DATA EFFECT_SIZE=\"0.8\" SE=\"0.2\" STUDY_ID=\"STD-A\"/>";
        String bareLog = "<IV_DATA EFFECT_SIZE=\"" + Math.log(0.8) + "\" SE=\"0.2\" STUDY_ID=\"STD-A\"/>";
        for (String[] c : new String[][] {{natural, "", "ratios"}, {logged, "", "log ratios"}, {bare, " LOG_DATA=\"YES\"", "ratios"},
                {bareLog, " LOG_DATA=\"NO\"", "log ratios"}, {bareLog, "", "log ratios"}}) {
            String xml = "<COCHRANE_REVIEW REVMAN_VERSION=\"5\"><STUDY ID=\"STD-A\" NAME=\"A\"/><COMPARISON NO=\"1\"><NAME>C</NAME>"
                    + "<IV_OUTCOME CI_STUDY=\"95\" NO=\"1\"" + c[1] + "><NAME>Death</NAME><EFFECT_MEASURE>Hazard Ratio</EFFECT_MEASURE>" + c[0]
                    + "</IV_OUTCOME></COMPARISON></COCHRANE_REVIEW>";
            RevMan.Outcome o = RevMan.outcome("iv.rm5", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
            assertThat(o.stored().measure()).isEqualTo("HR");
            assertThat(Double.parseDouble(o.table().text(0, "yi"))).as(c[2] + c[1]).isCloseTo(Math.log(0.8), within(1e-12));
            assertThat(o.table().notes().toString()).contains("EFFECT_SIZE are " + c[2]);
        }
    }

    @Test
    void study_ids_follow_revmans_encoding() {
        assertThat(RevManExport.studyId("ISIS-2")).isEqualTo("STD-ISIS_x002d_2");
        assertThat(RevManExport.studyId("MR CLEAN")).isEqualTo("STD-MR_x0020_CLEAN");
    }

    private static Table continuous() {
        return CsvReader.parse("c.csv", ("study,mean_treat,sd_treat,n_treat,mean_ctrl,sd_ctrl,n_ctrl\nDavis,5.0,4.7,13,6.5,3.8,13\n"
                + "Florell,4.9,1.71,30,6.1,2.3,50\nGruen,22.5,3.44,35,24.9,10.65,35\nHart,12.5,1.47,20,12.3,1.66,20\nWilson,6.5,0.76,8,7.38,1.41,8\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static int rowOf(Table t, String study) {
        for (int i = 0; i < t.rows(); i++) {
            if (t.text(i, "study").equals(study)) {
                return i;
            }
        }
        throw new AssertionError(study);
    }

    private static void sameStudies(Table back, Table original) {
        assertThat(back.rows()).isEqualTo(original.rows());
        for (int i = 0; i < back.rows(); i++) {
            int row = rowOf(original, back.text(i, "study"));
            for (String col : List.of("events_treat", "total_treat", "events_ctrl", "total_ctrl")) {
                assertThat(Double.parseDouble(back.text(i, col))).as(col).isEqualTo(Double.parseDouble(original.text(row, col)));
            }
        }
    }

    private static Map<String, Set<String>> layout(Element e, String parent, Map<String, Set<String>> out) {
        String path = parent + "/" + e.getTagName();
        Set<String> attrs = out.computeIfAbsent(path, k -> new HashSet<>());
        NamedNodeMap m = e.getAttributes();
        for (int i = 0; i < m.getLength(); i++) {
            attrs.add(m.item(i).getNodeName());
        }
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                layout(c, path, out);
            }
        }
        return out;
    }
}
