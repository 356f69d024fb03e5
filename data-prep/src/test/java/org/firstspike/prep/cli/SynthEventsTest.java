package org.firstspike.prep.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny end-to-end runs of synth-events on hand-built IDX files: layout, summary, thread independence, bad input. */
class SynthEventsTest {
    @TempDir
    static Path images;

    /** Ten 28x28 images per split, label i % 10, each a bright square at a label-dependent place. */
    @BeforeAll
    static void writeImages() throws IOException {
        for (String prefix : List.of("train", "t10k")) {
            int n = 20;
            byte[] pixels = new byte[n * 28 * 28];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (byte) (i % 10);
                for (int y = 6; y < 16; y++)
                    for (int x = 4 + i % 10; x < 14 + i % 10; x++) pixels[i * 784 + y * 28 + x] = (byte) 220;
            }
            try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(images.resolve(prefix + "-images-idx3-ubyte")))) {
                o.writeInt(0x803);
                o.writeInt(n);
                o.writeInt(28);
                o.writeInt(28);
                o.write(pixels);
            }
            try (DataOutputStream o = new DataOutputStream(Files.newOutputStream(images.resolve(prefix + "-labels-idx1-ubyte")))) {
                o.writeInt(0x801);
                o.writeInt(n);
                o.write(labels);
            }
        }
    }

    private static ObjectNode run(Path out, String... args) throws IOException {
        List<String> a = new ArrayList<>(List.of("--out", out.toString()));
        a.addAll(List.of(args));
        return SynthEvents.run(a.toArray(new String[0]));
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void nmnistLayoutIsTrainAndTestByLabelAndTheSameForAnyThreadCount(@TempDir Path tmp) throws IOException {
        Path one = tmp.resolve("one"), two = tmp.resolve("two");
        ObjectNode summary = run(one, "--format", "nmnist", "--images", images.toString(), "--train", "12", "--test", "3", "--threads", "1");
        run(two, "--format", "nmnist", "--images", images.toString(), "--train", "12", "--test", "3", "--threads", "2");
        List<String> files = files(one);
        assertTrue(files.contains("Train/0/00001.bin") && files.contains("Train/1/00012.bin") && files.contains("Test/2/00003.bin"), files.toString());
        assertTrue(files.contains("synth-events.json"));
        assertEquals(16, files.size());
        assertEquals(files, files(two));
        for (String f : files)
            if (f.endsWith(".bin")) assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
        assertEquals(15, summary.get("samples").asInt());
        assertEquals(16, summary.get("files").asInt());
        assertEquals(Files.size(one.resolve("Train/0/00001.bin")) % 5, 0);
        assertTrue(summary.get("events_min").asLong() > 100, summary.toString());
    }

    @Test
    void gestureLayoutHasTrialsLabelsAndLists(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("g");
        ObjectNode summary = run(out, "--format", "dvs128-gesture", "--users", "2", "--set", "gesture.seconds=0.4",
                "--set", "gesture.pause=0.1", "--set", "gesture.lightingsPerUser=1");
        List<String> files = files(out);
        assertEquals(4 + 3 + 1, files.size(), files.toString());
        String train = Files.readString(out.resolve("trials_to_train.txt"), StandardCharsets.US_ASCII);
        String test = Files.readString(out.resolve("trials_to_test.txt"), StandardCharsets.US_ASCII);
        assertTrue(train.startsWith("user01_") && train.endsWith(".aedat\r\n"), train);
        assertTrue(test.startsWith("user02_"), test);
        String trial = test.trim().replace(".aedat", "");
        assertTrue(files.contains(trial + ".aedat") && files.contains(trial + "_labels.csv"), files.toString());
        assertEquals(12, Files.readAllLines(out.resolve(trial + "_labels.csv")).size());
        assertTrue(Files.readString(out.resolve(trial + ".aedat"), StandardCharsets.ISO_8859_1).startsWith("#!AER-DAT3.1\r\n"));
        assertTrue(files.contains("gesture_mapping.csv"));
        assertEquals(22, summary.get("samples").asInt());
    }

    @Test
    void cifar10DvsLayoutIsOneFolderPerClass(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("c");
        run(out, "--format", "cifar10-dvs", "--images", images.toString(), "--per-class", "1", "--set", "monitor.laps=1");
        List<String> files = files(out);
        assertEquals(11, files.size());
        assertTrue(files.contains("airplane/cifar10_airplane_0.aedat") && files.contains("truck/cifar10_truck_0.aedat"), files.toString());
    }

    @Test
    void badArgumentsAreRejectedWithAClearMessage(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("x");
        assertTrue(message(out, "--format", "nmnist", "--set", "camera.treshold=0.1").contains("unknown knob camera.treshold"));
        assertTrue(message(out, "--format", "nmnist", "--users", "3").contains("--users does not apply to --format nmnist"));
        assertTrue(message(out, "--format", "dvs", "--train", "1").contains("expected nmnist, dvs128-gesture or cifar10-dvs"));
        assertTrue(message(out, "--format", "nmnist", "--train", "-1").contains("--train -1"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("old.bin"), "x");
        assertTrue(message(out, "--format", "nmnist", "--images", images.toString(), "--train", "1", "--test", "0").contains("not empty"));
    }

    private static String message(Path out, String... args) {
        return assertThrows(IllegalArgumentException.class, () -> run(out, args)).getMessage();
    }
}
