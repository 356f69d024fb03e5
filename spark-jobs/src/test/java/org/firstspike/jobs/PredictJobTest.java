package org.firstspike.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.firstspike.core.cli.TrainLocal;
import org.firstspike.core.io.MalformedInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code firstspike predict} on local[2]: a prepared split and the raw IDX files it was prepared from give the same
 * predictions with the event-driven and the dense engine, the accuracy eval reports, a well-formed CSV; bad input
 * fails before Spark work with a message naming the file and what was expected.
 */
class PredictJobTest {
    @TempDir
    static Path shared;
    static Path data;
    static Path model;

    @BeforeAll
    static void prepareAndTrain() throws IOException {
        System.setProperty("spark.master", "local[2]");
        data = TinyDataset.prepare(shared);
        TrainLocal.run(TinyDataset.args(data, shared.resolve("run")));
        model = shared.resolve("run/model-inference.fspk");
    }

    private static List<String[]> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("index,source,label,prediction,first_spike_step,steps_run,spikes,synops", lines.get(0));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }

    private static int[] column(List<String[]> rows, int c) {
        return rows.stream().mapToInt(r -> Integer.parseInt(r[c])).toArray();
    }

    @Test
    void preparedAndRawIdxGiveTheDenseEnginesPredictions(@TempDir Path tmp) throws IOException {
        ObjectNode event = PredictJob.run(new String[] {"--model", model.toString(), "--data", data.toString(),
                "--out", tmp.resolve("event.csv").toString()});
        ObjectNode dense = PredictJob.run(new String[] {"--model", model.toString(), "--data", data.toString(),
                "--out", tmp.resolve("dense.csv").toString(), "--engine", "dense"});
        ObjectNode raw = PredictJob.run(new String[] {"--model", model.toString(),
                "--idx", shared.resolve("idx/t10k-images-idx3-ubyte").toString(),
                "--labels", shared.resolve("idx/t10k-labels-idx1-ubyte").toString(), "--out", tmp.resolve("raw.csv").toString()});
        ObjectNode eval = EvalJob.run(new String[] {"--model", model.toString(), "--data", data.toString()});

        List<String[]> e = rows(tmp.resolve("event.csv"));
        List<String[]> d = rows(tmp.resolve("dense.csv"));
        List<String[]> r = rows(tmp.resolve("raw.csv"));
        assertEquals(100, e.size());
        for (List<String[]> rs : List.of(e, d, r)) {
            for (int i = 0; i < rs.size(); i++) {
                assertEquals(8, rs.get(i).length, "columns of row " + i);
                assertEquals(i, Integer.parseInt(rs.get(i)[0]), "rows in input order");
            }
        }
        assertArrayEquals(column(d, 3), column(e, 3), "event vs dense predictions");
        assertArrayEquals(column(d, 4), column(e, 4), "event vs dense first output steps");
        assertArrayEquals(column(e, 3), column(r, 3), "prepared vs raw IDX predictions");
        assertArrayEquals(column(e, 2), column(r, 2), "labels");
        assertTrue(r.get(0)[1].endsWith("t10k-images-idx3-ubyte#0"), r.get(0)[1]);
        assertTrue(!e.get(0)[7].isEmpty() && d.get(0)[7].isEmpty(), "SynOps for the event engine only");
        assertEquals(eval.get("accuracy").asDouble(), event.get("accuracy").asDouble(), 0.0);
        assertEquals(eval.get("accuracy").asDouble(), dense.get("accuracy").asDouble(), 0.0);
        assertEquals(eval.get("accuracy").asDouble(), raw.get("accuracy").asDouble(), 0.0);
        assertEquals(eval.get("mean_first_spike_step").asDouble(), event.get("mean_first_spike_step").asDouble(), 1e-9);

        PredictJob.run(new String[] {"--model", model.toString(), "--idx", shared.resolve("idx/t10k-images-idx3-ubyte").toString(),
                "--out", tmp.resolve("unlabelled.csv").toString()});
        List<String[]> u = rows(tmp.resolve("unlabelled.csv"));
        assertTrue(u.stream().allMatch(row -> row[2].isEmpty()), "no labels without --labels");
        assertArrayEquals(column(e, 3), column(u, 3));
    }

    /** N-MNIST recordings of random events, 34x34, two polarities. */
    private static void writeRecordings(Path root, String split, int count, long seed) throws IOException {
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < count; i++) {
            int n = 200 + r.nextInt(200);
            long[] t = new long[n];
            short[] x = new short[n];
            short[] y = new short[n];
            byte[] p = new byte[n];
            for (int e = 0; e < n; e++) {
                t[e] = e * 50L;
                x[e] = (short) r.nextInt(34);
                y[e] = (short) r.nextInt(34);
                p[e] = (byte) r.nextInt(2);
            }
            Path f = root.resolve(split + "/" + (i % 10) + "/" + (10000 + i) + ".bin");
            Files.createDirectories(f.getParent());
            Files.write(f, org.firstspike.prep.io.NmnistWriter.toBytes(new org.firstspike.prep.event.Events(t, x, y, p, n)));
        }
    }

    @Test
    void rawEventRecordingsAreBinnedWithTheModelsFramesAndPredictedLikeThePreparedDataset(@TempDir Path tmp) throws IOException {
        Path corpus = tmp.resolve("nmnist");
        writeRecordings(corpus, "Train", 3, 1);
        writeRecordings(corpus, "Test", 12, 2);
        org.firstspike.core.config.Settings s = org.firstspike.core.net.TestNets.settings("model.input", "2x34x34",
                "model.layers", "FC40-FC10", "model.encoding", "frames", "model.timeSteps", "4", "neuron.threshold", "0.5");
        Path frames = tmp.resolve("frames.fspk");
        org.firstspike.core.io.ModelIO.save(org.firstspike.core.net.TestNets.network(s, 4), s, java.util.Map.of(), frames);

        PredictJob.run(new String[] {"--model", frames.toString(), "--events", "nmnist", "--input", corpus.toString(),
                "--split-by", "time", "--out", tmp.resolve("events.csv").toString()});
        org.firstspike.prep.job.PrepEventsJob.run(new String[] {"--format", "nmnist", "--input", corpus.toString(), "--split-by", "time",
                "--frames", "4", "--out", tmp.resolve("prepared").toString()});
        PredictJob.run(new String[] {"--model", frames.toString(), "--data", tmp.resolve("prepared").toString(), "--engine", "dense",
                "--out", tmp.resolve("dense.csv").toString()});
        List<String[]> e = rows(tmp.resolve("events.csv"));
        List<String[]> d = rows(tmp.resolve("dense.csv"));
        assertEquals(12, e.size());
        assertArrayEquals(column(d, 3), column(e, 3), "predictions");
        assertArrayEquals(column(d, 4), column(e, 4), "first output steps");
        int[] stepsRun = column(e, 5);
        int[] eventSpikes = column(e, 6);
        int[] denseSpikes = column(d, 6);
        for (int i = 0; i < e.size(); i++) {
            assertEquals(4, Integer.parseInt(d.get(i)[5]), "the dense engine runs all T steps");
            if (stepsRun[i] == 4) assertEquals(denseSpikes[i], eventSpikes[i], "spikes of a sample run to T");
            else assertTrue(eventSpikes[i] <= denseSpikes[i], "early stop: the spikes up to the deciding step");
        }
        assertArrayEquals(column(d, 2), column(e, 2), "labels");

        IllegalArgumentException frameCount = assertThrows(IllegalArgumentException.class, () -> PredictJob.run(new String[] {"--model",
                frames.toString(), "--events", "nmnist", "--input", corpus.toString(), "--frames", "8", "--out", tmp.resolve("x.csv").toString()}));
        assertTrue(frameCount.getMessage().contains("model's T"), frameCount.getMessage());
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> PredictJob.run(new String[] {"--model",
                frames.toString(), "--events", "nmnist", "--input", corpus.toString(), "--downsample", "2", "--out", tmp.resolve("x.csv").toString()}));
        assertTrue(shape.getMessage().contains("2x34x34") && shape.getMessage().contains("2x17x17"), shape.getMessage());
    }

    @Test
    void badInputFailsBeforeSparkWorkNamingFileAndExpectation(@TempDir Path tmp) throws IOException {
        String out = tmp.resolve("p.csv").toString();
        Path images = shared.resolve("idx/t10k-images-idx3-ubyte");
        Path truncated = tmp.resolve("truncated-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        MalformedInputException m = assertThrows(MalformedInputException.class,
                () -> PredictJob.run(new String[] {"--model", model.toString(), "--idx", truncated.toString(), "--out", out}));
        assertTrue(m.getMessage().contains(truncated.toString()) && m.getMessage().contains("at byte"), m.getMessage());

        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> PredictJob.run(new String[] {"--model", model.toString(), "--idx", images.toString(),
                        "--labels", shared.resolve("idx/train-labels-idx1-ubyte").toString(), "--out", out}));
        assertTrue(labels.getMessage().contains("403 labels") && labels.getMessage().contains("100 images"), labels.getMessage());

        IllegalArgumentException two = assertThrows(IllegalArgumentException.class,
                () -> PredictJob.run(new String[] {"--model", model.toString(), "--idx", images.toString(), "--data", data.toString(), "--out", out}));
        assertTrue(two.getMessage().contains("exactly one input"), two.getMessage());

        IllegalArgumentException workers = assertThrows(IllegalArgumentException.class,
                () -> PredictJob.run(new String[] {"--model", model.toString(), "--idx", images.toString(), "--workers", "0", "--out", out}));
        assertTrue(workers.getMessage().contains("--workers '0'"), workers.getMessage());

        IllegalArgumentException csv = assertThrows(IllegalArgumentException.class,
                () -> PredictJob.run(new String[] {"--model", model.toString(), "--data", data.toString(), "--out", tmp.resolve("p.parquet").toString()}));
        assertTrue(csv.getMessage().contains(".csv"), csv.getMessage());

        IllegalArgumentException events = assertThrows(IllegalArgumentException.class,
                () -> PredictJob.run(new String[] {"--model", model.toString(), "--events", "nmnist", "--input", tmp.toString(), "--out", out}));
        assertTrue(events.getMessage().contains("expected frames"), events.getMessage());
        assertTrue(!Files.exists(Path.of(out)), "nothing written");
    }
}
