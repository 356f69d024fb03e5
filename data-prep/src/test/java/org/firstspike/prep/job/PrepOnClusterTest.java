package org.firstspike.prep.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * prep-events on a real multi-JVM cluster (local-cluster: a master, two workers, two executor JVMs on loopback):
 * the task bodies travel to other JVMs, the per-input reports come back through accumulators, and the dataset is
 * the same as one written in-process.
 */
class PrepOnClusterTest {

    @AfterAll
    static void backToLocal() {
        SparkSession.active().stop();
        System.setProperty("spark.master", "local[2]");
    }

    private static ObjectNode prep(String master, Path in, Path out, String... extra) throws IOException {
        SparkSession.getActiveSession().foreach(s -> { s.stop(); return null; });
        SparkSession.getDefaultSession().foreach(s -> { s.stop(); return null; });
        System.setProperty("spark.master", master);
        String[] base = {"--format", "dvs128-gesture", "--input", in.toString(), "--out", out.toString(), "--frames", "4",
                "--task-mb", "1"};
        return PrepEventsJob.run(java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new));
    }

    private static List<Row> rows(Path out, String split) {
        return SparkSession.active().read().parquet(out.resolve(split).toString()).orderBy("sample_id").collectAsList();
    }

    @Test
    void clusterRunWritesTheSameDatasetAndReportsRejectionsFromOtherJvms(@TempDir Path tmp) throws IOException {
        Files.createDirectories(Path.of(System.getenv("SPARK_HOME"), "jars"));
        System.setProperty("spark.executor.extraClassPath", System.getProperty("java.class.path"));
        System.setProperty("spark.executor.memory", "512m");
        Path in = EventCorpora.writeGesture(tmp.resolve("in"));
        for (String user : new String[] {"user03_lab", "user04_led"}) {  // more recordings than executors
            EventCorpora.write(in.resolve(user + ".aedat"), EventCorpora.gestureRecording());
            EventCorpora.write(in.resolve(user + "_labels.csv"), "class,startTime_usec,endTime_usec\r\n2,0,101\r\n");
        }
        EventCorpora.write(in.resolve("trials_to_train.txt"), "user01_led.aedat\nuser03_lab.aedat\nuser04_led.aedat\n");

        ObjectNode local = prep("local[2]", in, tmp.resolve("local"));
        List<Row> expected = rows(tmp.resolve("local"), "train");
        ObjectNode cluster = prep("local-cluster[2,1,1024]", in, tmp.resolve("cluster"));
        assertEquals(2, SparkSession.active().sparkContext().getExecutorIds().size(), "two executor JVMs");
        List<Row> got = rows(tmp.resolve("cluster"), "train");
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < got.size(); i++) {
            assertEquals(expected.get(i).<String>getAs("sample_id"), got.get(i).getAs("sample_id"));
            assertArrayEquals(expected.get(i).<byte[]>getAs("data"), got.get(i).getAs("data"));
        }
        for (String key : List.of("samples", "sources", "records_read", "events_binned", "rejected"))
            assertEquals(local.get(key), cluster.get(key), key);

        Files.write(in.resolve("user03_lab.aedat"), new byte[] {1, 2, 3});
        ObjectNode skipped = prep("local-cluster[2,1,1024]", in, tmp.resolve("skip"), "--on-bad-input", "skip");
        assertEquals(1, skipped.get("rejected").asInt());
        assertNotEquals(local.get("samples").get("train"), skipped.get("samples").get("train"));
        Row rejected = SparkSession.active().read().parquet(tmp.resolve("skip/rejected").toString()).first();
        assertTrue(rejected.<String>getAs("source").endsWith("user03_lab.aedat"), rejected.toString());
    }
}
