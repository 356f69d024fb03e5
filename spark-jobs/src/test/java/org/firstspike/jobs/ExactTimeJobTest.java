package org.firstspike.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.firstspike.core.cli.TrainLocal;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.ParameterVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The B1 exact-time model through the parameter-averaging job: its windows travel with the state and merge by maximum,
 * one worker retraces train-local bit for bit, two executor JVMs (local-cluster) give the bits of local[2], the
 * eval job and fine-tuning from a saved model (--init) work on it.
 */
class ExactTimeJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] B1 = {"--set", "model.family=b1", "--set", "b1.initialWindow=0.05", "--set", "train.lr=0.003"};

    @AfterAll
    static void backToLocal() {
        useMaster("local[2]");
    }

    private static void useMaster(String master) {
        SparkSession.getActiveSession().foreach(s -> { s.stop(); return null; });
        SparkSession.getDefaultSession().foreach(s -> { s.stop(); return null; });
        System.setProperty("spark.master", master);
    }

    private static String[] args(Path data, Path out, String... extra) {
        String[] all = new String[B1.length + extra.length];
        System.arraycopy(B1, 0, all, 0, B1.length);
        System.arraycopy(extra, 0, all, B1.length, extra.length);
        return TinyDataset.args(data, out, all);
    }

    private static Network model(Path run) throws Exception {
        return ModelIO.load(run.resolve("model.fspk"));
    }

    @Test
    void b1TrainsThroughTheJobOnOneOrTwoExecutorJvms(@TempDir Path tmp) throws Exception {
        useMaster("local[2]");
        Path data = TinyDataset.prepare(tmp);
        ObjectNode one = TrainJob.run(args(data, tmp.resolve("w1"), "--set", "train.workers=1"));
        TrainLocal.run(args(data, tmp.resolve("local")));
        assertArrayEquals(ParameterVector.values(model(tmp.resolve("local")).parameters()),
                ParameterVector.values(model(tmp.resolve("w1")).parameters()), 0f);
        float[] windows = ParameterVector.values(model(tmp.resolve("w1")).buffers());
        assertArrayEquals(ParameterVector.values(model(tmp.resolve("local")).buffers()), windows, 0f);
        assertTrue(windows[0] > 0.05f, "the window grew: " + windows[0]);
        assertEquals(one.get("windows").get(0).asDouble(), windows[0], 0.0);

        ObjectNode two = TrainJob.run(args(data, tmp.resolve("w2"), "--set", "train.workers=2"));
        assertTrue(two.get("test_accuracy").asDouble() > 0.9, two.toString());
        assertTrue(two.get("spikes_per_neuron").asDouble() > 0 && two.get("spikes_per_neuron").asDouble() < 1);
        ObjectNode eval = EvalJob.run(new String[] {"--model", tmp.resolve("w2/model.fspk").toString(), "--data", data.toString()});
        assertEquals(two.get("test_accuracy").asDouble(), eval.get("accuracy").asDouble(), 0.0);
        assertTrue(eval.get("mean_first_spike_step").isNull(), "B1 outputs do not spike");
        // evaluation under heavy spike-time jitter: same model, other hardware, lower accuracy
        ObjectNode noisy = EvalJob.run(new String[] {"--model", tmp.resolve("w2/model.fspk").toString(), "--data", data.toString(),
                "--set", "hw.jitter=2"});
        assertTrue(noisy.get("accuracy").asDouble() < eval.get("accuracy").asDouble() - 0.1, noisy.toString());

        // fine-tuning starts from the saved model: its accuracy before the first step is the model's
        ObjectNode tuned = TrainJob.run(args(data, tmp.resolve("tuned"), "--set", "train.workers=2", "--epochs", "1",
                "--init", tmp.resolve("w2/model.fspk").toString(), "--set", "hw.weightBits=6", "--set", "hw.weightMin=-2",
                "--set", "hw.weightMax=2"));
        var first = JSON.readTree(Files.readAllLines(tmp.resolve("tuned/metrics.jsonl")).get(0));
        assertTrue(Math.abs(first.get("test_accuracy").asDouble() - two.get("test_accuracy").asDouble()) <= 0.05, first.toString());
        assertTrue(tuned.get("test_accuracy").asDouble() > 0.9, tuned.toString());

        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        System.setProperty("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        System.setProperty("spark.executor.memory", "512m");
        useMaster("local-cluster[2,1,1024]");
        TrainJob.run(args(data, tmp.resolve("cluster"), "--set", "train.workers=2"));
        assertArrayEquals(ParameterVector.values(model(tmp.resolve("w2")).parameters()),
                ParameterVector.values(model(tmp.resolve("cluster")).parameters()), 0f);
        assertArrayEquals(ParameterVector.values(model(tmp.resolve("w2")).buffers()),
                ParameterVector.values(model(tmp.resolve("cluster")).buffers()), 0f);
    }
}
