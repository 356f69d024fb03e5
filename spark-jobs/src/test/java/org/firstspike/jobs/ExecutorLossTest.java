package org.firstspike.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.sql.SparkSession;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.net.ParameterVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault tolerance on a real multi-JVM cluster (local-cluster: two executor JVMs on loopback): one executor JVM is
 * killed with SIGKILL in the middle of training; Spark retries its tasks and recomputes its cached partitions, and the
 * run ends with exactly the parameters of an undisturbed run.
 */
class ExecutorLossTest {

    @AfterAll
    static void backToLocal() {
        SparkSession.getActiveSession().foreach(s -> { s.stop(); return null; });
        System.setProperty("spark.master", "local[2]");
    }

    private static void useMaster(String master) {
        SparkSession.getActiveSession().foreach(s -> { s.stop(); return null; });
        SparkSession.getDefaultSession().foreach(s -> { s.stop(); return null; });
        System.setProperty("spark.master", master);
    }

    /** An executor JVM started by the in-process cluster; /proc holds its whole command line (ProcessHandle cuts it at 4 KB). */
    private static Optional<ProcessHandle> executor() {
        return ProcessHandle.current().descendants().filter(p -> {
            try {
                return new String(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline")), StandardCharsets.UTF_8)
                        .contains("CoarseGrainedExecutorBackend");
            } catch (IOException e) {
                return false;  // the process ended meanwhile
            }
        }).findFirst();
    }

    private static float[] params(Path run) throws Exception {
        return ParameterVector.values(ModelIO.load(run.resolve("model.fspk")).parameters());
    }

    @Test
    void killingAnExecutorMidTrainingChangesNothing(@TempDir Path tmp) throws Exception {
        String[] extra = {"--epochs", "6", "--set", "train.workers=2", "--set", "train.averagingFrequency=1"};
        useMaster("local[2]");
        Path data = TinyDataset.prepare(tmp);
        TrainJob.run(TinyDataset.args(data, tmp.resolve("clean"), extra));

        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        System.setProperty("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        System.setProperty("spark.executor.memory", "512m");
        useMaster("local-cluster[2,1,1024]");
        Path run = tmp.resolve("killed");
        CompletableFuture<Void> training = CompletableFuture.runAsync(() -> {
            try {
                TrainJob.run(TinyDataset.args(data, run, extra));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // wait until the first epoch is logged: training rounds are running on both executors
        Path metrics = run.resolve("metrics.jsonl");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while ((!Files.exists(metrics) || Files.readAllLines(metrics).size() < 2) && System.nanoTime() < deadline && !training.isDone())
            Thread.sleep(50);
        assertFalse(training.isDone(), "training ended before an executor could be killed");
        AtomicInteger removed = new AtomicInteger();
        SparkSession.active().sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onExecutorRemoved(SparkListenerExecutorRemoved e) {
                removed.incrementAndGet();
            }
        });
        ProcessHandle victim = executor().orElse(null);
        assertNotNull(victim, "an executor JVM is running");
        assertTrue(victim.destroyForcibly());
        victim.onExit().get(30, TimeUnit.SECONDS);
        training.get(5, TimeUnit.MINUTES);

        assertTrue(removed.get() >= 1, "Spark saw the executor go");
        assertTrue(Files.readAllLines(metrics).size() == 7, "epoch 0 and 6 epochs logged");
        assertArrayEquals(params(tmp.resolve("clean")), params(run), 0f);
    }
}
