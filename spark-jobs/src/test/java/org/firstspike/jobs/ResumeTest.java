package org.firstspike.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.firstspike.core.io.ModelContents;
import org.firstspike.core.train.Checkpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped in the middle (its Spark jobs cancelled, as when a driver dies) and resumed from its latest checkpoint
 * ends with exactly the parameters of an uninterrupted run: on the local filesystem and on an in-process HDFS.
 */
class ResumeTest {
    private static final String[] LONG = {"--epochs", "8", "--set", "train.workers=2", "--set", "train.averagingFrequency=1",
            "--set", "train.checkpointEvery=7"};

    @TempDir
    static Path shared;
    static Path data;

    @BeforeAll
    static void prepare() throws IOException {
        System.setProperty("spark.master", "local[2]");
        data = TinyDataset.prepare(shared);
    }

    /** Starts a run, cancels its jobs once two epochs are logged, and checks that it stopped before the end. */
    private static void interrupt(String dataUri, String out, RunDirectory run) throws Exception {
        CompletableFuture<ObjectNode> first = CompletableFuture.supplyAsync(() -> {
            try {
                return TrainJob.run(withPaths(dataUri, out));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (run.readLines(AveragingRounds.METRICS).size() < 3 && !first.isDone() && System.nanoTime() < deadline) Thread.sleep(20);
        // cancel until the run gives up: a cancel that lands between two Spark jobs cancels nothing
        while (!first.isDone() && System.nanoTime() < deadline) {
            SparkSession.active().sparkContext().cancelAllJobs();
            Thread.sleep(5);
        }
        ExecutionException stopped = assertThrows(ExecutionException.class, () -> first.get(2, TimeUnit.MINUTES),
                "the run must be stopped before its end for this test to mean anything");
        assertTrue(String.valueOf(stopped.getCause()).contains("cancel"), String.valueOf(stopped.getCause()));
    }

    private static String[] withPaths(String dataUri, String out) {
        String[] a = TinyDataset.args(Path.of("data"), Path.of("out"), LONG);
        for (int i = 0; i < a.length - 1; i++) {
            if (a[i].equals("--data")) a[i + 1] = dataUri;
            if (a[i].equals("--out")) a[i + 1] = out;
        }
        return a;
    }

    private static float[] finalParams(RunDirectory run) throws IOException {
        ModelContents latest = run.readModel(AveragingRounds.LATEST);
        return Checkpoint.fromContents(latest, "latest").state().params();
    }

    private static void stopAndResume(String dataUri, String base) throws Exception {
        ObjectNode clean = TrainJob.run(withPaths(dataUri, base + "/clean"));
        RunDirectory resumed = new RunDirectory(base + "/resumed");
        interrupt(dataUri, resumed.uri(), resumed);
        int stoppedAfter = Checkpoint.fromContents(resumed.readModel(AveragingRounds.LATEST), "latest").rounds();
        assertTrue(stoppedAfter > 0 && stoppedAfter < clean.get("rounds").asInt(), "stopped after round " + stoppedAfter);
        IllegalArgumentException fresh = assertThrows(IllegalArgumentException.class, () -> TrainJob.run(withPaths(dataUri, resumed.uri())));
        assertTrue(fresh.getMessage().contains("--resume"), fresh.getMessage());

        String[] again = withPaths(dataUri, resumed.uri());
        String[] withResume = java.util.Arrays.copyOf(again, again.length + 1);
        withResume[again.length] = "--resume";
        ObjectNode after = TrainJob.run(withResume);
        assertEquals(stoppedAfter, after.get("resumed_after_round").asInt());
        assertArrayEquals(finalParams(new RunDirectory(base + "/clean")), finalParams(resumed), 0f);
        assertEquals(clean.get("test_accuracy"), after.get("test_accuracy"));
        assertEquals(9, resumed.readLines(AveragingRounds.METRICS).size(), "epoch 0 and 8 epochs, none twice");
    }

    @Test
    void stoppedAndResumedOnTheLocalFilesystemEqualsUninterrupted(@TempDir Path tmp) throws Exception {
        stopAndResume(data.toUri().toString(), tmp.toUri().toString().replaceAll("/$", ""));
    }

    @Test
    void stoppedAndResumedOnHdfsEqualsUninterrupted(@TempDir Path tmp) throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, tmp.resolve("dfs").toString());
        MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            String root = "hdfs://localhost:" + dfs.getNameNodePort();
            dfs.getFileSystem().copyFromLocalFile(new org.apache.hadoop.fs.Path(data.toUri()), new org.apache.hadoop.fs.Path(root + "/prepared"));
            stopAndResume(root + "/prepared", root + "/runs");
        } finally {
            dfs.shutdown();
        }
    }
}
