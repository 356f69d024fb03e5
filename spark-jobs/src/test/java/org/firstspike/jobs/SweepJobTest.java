package org.firstspike.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.firstspike.prep.job.Sessions;
import org.junit.jupiter.api.BeforeAll;
import org.firstspike.core.report.PngChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps on local[2] over the tiny prepared dataset: recorded failures, outputs, reruns and successive halving. */
class SweepJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = String.join("\n", "model.input = 1x8x8", "model.layers = FC16-FC2", "model.classes = 2",
            "train.batchSize = 16", "train.threads = 1", "train.epochs = 2", "");

    @TempDir
    static Path shared;
    static Path data;

    @BeforeAll
    static void prepare() throws IOException {
        System.setProperty("spark.master", "local[2]");
        data = TinyDataset.prepare(shared);
    }

    /** A sweep file next to the base config in {@code dir}. */
    private static Path sweep(Path dir, String... lines) throws IOException {
        Files.writeString(dir.resolve("base.properties"), BASE);
        List<String> all = new ArrayList<>(List.of("sweep.base = base.properties"));
        all.addAll(List.of(lines));
        return Files.write(dir.resolve("sweep.properties"), all);
    }

    private static ObjectNode run(Path sweepFile, Path out) throws IOException {
        return SweepJob.run(new String[] {"--sweep", sweepFile.toString(), "--data", data.toString(), "--out", out.toString()});
    }

    private static Map<String, JsonNode> trials(Path out) throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve(SweepJob.TRIALS))) {
            JsonNode t = JSON.readTree(line);
            byId.put(t.get("trial").asText(), t);
        }
        return byId;
    }

    @Test
    void failedTrialsAreRecordedAndRerunsTrainOnlyWhatIsNotDone(@TempDir Path tmp) throws IOException {
        Path file = sweep(tmp, "grid.model.layers = FC16-FC2, FC8-FC2", "grid.train.lr = 0.01, 0.003, -1");
        Path out = tmp.resolve("out");
        ObjectNode first = run(file, out);
        assertEquals(6, first.get("trials").asInt());
        assertEquals(4, first.get("trained").asInt());
        assertEquals(4, first.get("done").asInt(), first.toString());
        assertEquals(2, first.get("invalid").asInt());

        Map<String, JsonNode> trials = trials(out);
        assertEquals(6, trials.size());
        for (JsonNode t : trials.values()) {
            if (t.get("params").get("train.lr").asText().equals("-1")) {
                assertEquals("invalid", t.get("status").asText());
                assertTrue(t.get("reason").asText().contains("train.lr must be > 0"), t.toString());
                assertTrue(t.get("test_accuracy").isNull());
                continue;
            }
            assertEquals("done", t.get("status").asText(), t.toString());
            assertEquals(2, t.get("epochs").asInt());
            assertTrue(t.get("test_accuracy").asDouble() > 0.8, t.toString());
            assertTrue(t.get("mean_first_spike_step").asDouble() > 0, t.toString());
        }

        // outputs: the CSV and Parquet tables (sorted, best first), the best model
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(7, csv.size());
        assertTrue(csv.get(0).startsWith("trial,params,test_accuracy,spikes_per_neuron,mean_first_spike_step,epochs,seconds,status"), csv.get(0));
        assertTrue(csv.get(1).startsWith(first.get("best_trial").asText() + ","), csv.get(1));
        assertTrue(csv.get(6).endsWith(",0,0.0,invalid,\"train.lr must be > 0, got -1.0\""), csv.get(6));
        List<Row> parquet = Sessions.get("test").read().parquet(out.resolve("results.parquet").toString()).collectAsList();
        assertEquals(6, parquet.size());
        assertEquals(first.get("best_trial").asText(), parquet.get(0).getAs("trial"));
        assertEquals(first.get("best_test_accuracy").asDouble(), parquet.get(0).<Double>getAs("test_accuracy"), 0.0);
        ObjectNode eval = EvalJob.run(new String[] {"--model", out.resolve(SweepJob.BEST_MODEL).toString(), "--data", data.toString()});
        assertEquals(first.get("best_test_accuracy").asDouble(), eval.get("accuracy").asDouble(), 0.0,
                "the saved best model is the trained one");

        // the report: trial curves, accuracy against spikes, and the best model evaluated on the test split
        for (String p : List.of("sweep-curves", "sweep-accuracy-vs-spikes", "confusion", "first-spike-steps", "raster"))
            PngChecks.drawn(Files.readAllBytes(out.resolve("plots/" + p + ".png")), 500, 400, 0.02, p);
        JsonNode bestEval = JSON.readTree(Files.readString(out.resolve(SweepJob.BEST_EVAL)));
        assertEquals(eval.get("accuracy").asDouble(), bestEval.get("test_accuracy").asDouble(), 0.0);
        assertEquals(eval.get("confusion").toString(), bestEval.get("confusion").toString());
        assertEquals("sweep", ReportCommand.run(new String[] {out.toString()}).get("kind").asText());

        // a rerun trains nothing and changes nothing
        byte[] records = Files.readAllBytes(out.resolve(SweepJob.TRIALS));
        byte[] model = Files.readAllBytes(out.resolve(SweepJob.BEST_MODEL));
        ObjectNode again = run(file, out);
        assertEquals(0, again.get("trained").asInt());
        assertEquals(4, again.get("skipped").asInt());
        assertEquals(first.get("best_trial"), again.get("best_trial"));
        assertArrayEquals(records, Files.readAllBytes(out.resolve(SweepJob.TRIALS)));
        assertArrayEquals(model, Files.readAllBytes(out.resolve(SweepJob.BEST_MODEL)));

        // a failed trial is retried, and trains to the same result (trials are deterministic)
        String retried = first.get("best_trial").asText();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve(SweepJob.TRIALS))) {
            ObjectNode t = (ObjectNode) JSON.readTree(line);
            if (t.get("trial").asText().equals(retried)) t.put("status", "failed").put("reason", "executor lost");
            lines.add(JSON.writeValueAsString(t));
        }
        Files.write(out.resolve(SweepJob.TRIALS), lines);
        ObjectNode retry = run(file, out);
        assertEquals(1, retry.get("trained").asInt());
        assertEquals(3, retry.get("skipped").asInt());
        assertEquals(first.get("best_test_accuracy"), retry.get("best_test_accuracy"));
        assertEquals(trials.get(retried).get("curve"), trials(out).get(retried).get("curve"));
    }

    @Test
    void successiveHalvingStopsTheWorstAndContinuesTheBestFromTheirState(@TempDir Path tmp) throws IOException {
        Path file = sweep(tmp, "grid.train.lr = 0.02, 0.01, 0.003, 0.0001", "set.train.epochs = 3",
                "sweep.earlyStopping = halving", "sweep.halving.minEpochs = 1", "sweep.halving.eta = 3");
        Path out = tmp.resolve("halving");
        ObjectNode summary = run(file, out);
        assertEquals(2, summary.get("done").asInt(), summary.toString());
        assertEquals(2, summary.get("stopped").asInt(), summary.toString());
        Map<String, JsonNode> trials = trials(out);
        double worstDone = 1, bestStopped = 0;
        for (JsonNode t : trials.values()) {
            boolean done = t.get("status").asText().equals("done");
            assertEquals(done ? 3 : 1, t.get("epochs").asInt(), t.toString());
            double atRung = t.get("curve").get(0).asDouble();
            if (done) worstDone = Math.min(worstDone, atRung);
            else bestStopped = Math.max(bestStopped, atRung);
        }
        assertTrue(worstDone >= bestStopped, "the survivors ranked best after the first rung");

        // a survivor continued its run: the same trial trained in one piece has the same accuracy after every epoch
        String best = summary.get("best_trial").asText();
        String lr = trials.get(best).get("params").get("train.lr").asText();
        Path whole = tmp.resolve("whole");
        Files.createDirectories(whole);
        ObjectNode single = run(sweep(whole, "grid.train.lr = " + lr, "set.train.epochs = 3"), whole.resolve("out"));
        assertEquals(best, single.get("best_trial").asText(), "same settings, same trial id");
        assertEquals(trials.get(best).get("curve"), trials(whole.resolve("out")).get(best).get("curve"));
    }

    @Test
    void randomSearchDrawsDistinctTrialsAndRefusesInvalidCombinations(@TempDir Path tmp) throws IOException {
        Path file = sweep(tmp, "sweep.search = random", "sweep.trials = 3", "sweep.seed = 7", "set.train.epochs = 1",
                "random.train.lr = loguniform(0.002, 0.01)", "random.model.family = choice(b1)", "set.b1.initialWindow = 0.05",
                "set.init.scheme = ettfs");
        ObjectNode refused = run(file, tmp.resolve("refused"));
        assertEquals(3, refused.get("invalid").asInt(), "B1 networks refuse the ETTFS initialization: " + refused);
        Files.writeString(file, Files.readString(file).replace("set.init.scheme = ettfs", ""));
        ObjectNode summary = run(file, tmp.resolve("b1"));
        assertEquals(3, summary.get("done").asInt(), summary.toString());
        Map<String, JsonNode> trials = trials(tmp.resolve("b1"));
        assertEquals(3, trials.values().stream().map(t -> t.get("params").get("train.lr").asDouble()).distinct().count());
        for (JsonNode t : trials.values()) {
            double lr = t.get("params").get("train.lr").asDouble();
            assertTrue(lr >= 0.002 && lr <= 0.01, t.toString());
            assertTrue(t.get("mean_first_spike_step").isNull(), "B1 networks have no first-spike step: " + t);
        }
    }

    @Test
    void sweepFilesAreCheckedBeforeAnySparkWork(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("never");
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> run(sweep(tmp, "grid.train.lrr = 0.1"), out));
        assertTrue(typo.getMessage().contains("sweep.properties: key 'grid.train.lrr'") && typo.getMessage().contains("train.lr"),
                typo.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> run(sweep(tmp, "grid.train.lr ="), out));
        assertTrue(empty.getMessage().contains("key 'grid.train.lr': empty grid"), empty.getMessage());
        IllegalArgumentException syntax = assertThrows(IllegalArgumentException.class,
                () -> run(sweep(tmp, "sweep.search = random", "sweep.trials = 3", "random.train.lr = loguniform(0.1"), out));
        assertTrue(syntax.getMessage().contains("key 'random.train.lr'") && syntax.getMessage().contains("expected uniform(a,b)"),
                syntax.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> run(sweep(tmp, "sweep.trails = 3"), out));
        assertTrue(unknown.getMessage().contains("key 'sweep.trails': unknown sweep key"), unknown.getMessage());
        assertFalse(Files.exists(out), "nothing was written");
    }
}
