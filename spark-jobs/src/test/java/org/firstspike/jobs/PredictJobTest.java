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
        assertEquals("index,source,label,prediction,first_spike_step,spikes,synops", lines.get(0));
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
                assertEquals(7, rs.get(i).length, "columns of row " + i);
                assertEquals(i, Integer.parseInt(rs.get(i)[0]), "rows in input order");
            }
        }
        assertArrayEquals(column(d, 3), column(e, 3), "event vs dense predictions");
        assertArrayEquals(column(d, 4), column(e, 4), "event vs dense first output steps");
        assertArrayEquals(column(e, 3), column(r, 3), "prepared vs raw IDX predictions");
        assertArrayEquals(column(e, 2), column(r, 2), "labels");
        assertTrue(r.get(0)[1].endsWith("t10k-images-idx3-ubyte#0"), r.get(0)[1]);
        assertTrue(!e.get(0)[6].isEmpty() && d.get(0)[6].isEmpty(), "SynOps for the event engine only");
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

        IllegalArgumentException csv = assertThrows(IllegalArgumentException.class,
                () -> PredictJob.run(new String[] {"--model", model.toString(), "--data", data.toString(), "--out", tmp.resolve("p.parquet").toString()}));
        assertTrue(csv.getMessage().contains(".csv"), csv.getMessage());

        IllegalArgumentException events = assertThrows(IllegalArgumentException.class,
                () -> PredictJob.run(new String[] {"--model", model.toString(), "--events", "nmnist", "--input", tmp.toString(), "--out", out}));
        assertTrue(events.getMessage().contains("expected frames"), events.getMessage());
        assertTrue(!Files.exists(Path.of(out)), "nothing written");
    }
}
