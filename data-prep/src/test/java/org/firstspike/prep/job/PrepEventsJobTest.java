package org.firstspike.prep.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.firstspike.prep.tensor.DType;
import org.firstspike.prep.tensor.TensorBytes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * prep-events on local[2] over hand-built files in all three formats: every binning mode against frames worked out
 * by hand, the transforms, the metadata, and every bad-input case under both policies.
 */
class PrepEventsJobTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path shared;

    @BeforeAll
    static void local() {
        System.setProperty("spark.master", "local[2]");
    }

    private static ObjectNode prep(String format, Path in, Path out, String... extra) throws IOException {
        List<String> a = new ArrayList<>(List.of("--format", format, "--input", in.toString(), "--out", out.toString()));
        if (format.equals("cifar10-dvs")) a.addAll(List.of("--test-per-class", "1"));
        a.addAll(List.of(extra));
        return PrepEventsJob.run(a.toArray(new String[0]));
    }

    private static Path corpus(String format, Path root) throws IOException {
        return switch (format) {
            case "nmnist" -> EventCorpora.writeNmnist(root);
            case "dvs128-gesture" -> EventCorpora.writeGesture(root);
            default -> EventCorpora.writeCifar10Dvs(root);
        };
    }

    /** Frames [T][2][H][W] holding events [from, to) of each frame range, events as in {@link EventCorpora}. */
    private static int[] expected(int[][] ranges, int width, int height) {
        int plane = width * height;
        int[] f = new int[ranges.length * 2 * plane];
        for (int k = 0; k < ranges.length; k++)
            for (int i = ranges[k][0]; i < ranges[k][1]; i++)
                f[(k * 2 + EventCorpora.p(i)) * plane + EventCorpora.y(i) * width + EventCorpora.x(i)]++;
        return f;
    }

    private static int[] unpack(Row r) {
        DType type = DType.ofNumpy(r.getAs("dtype"));
        byte[] data = r.getAs("data");
        int[] v = new int[data.length / type.bytes()];
        for (int i = 0; i < v.length; i++) v[i] = TensorBytes.get(data, type, i);
        return v;
    }

    private static Row sample(Path out, String split, String id) {
        return SparkSession.active().read().parquet(out.resolve(split).toString()).where("sample_id = '" + id + "'").first();
    }

    /** Frame ranges for the ten events t = 0, 10, ..., 80, 100, worked out by hand (formats-and-anchors §4). */
    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of("spikingjelly number", new String[] {"--split-by", "number", "--frames", "3"}, new int[][] {{0, 3}, {3, 6}, {6, 10}}),
                Arguments.of("spikingjelly time", new String[] {"--split-by", "time", "--frames", "3"}, new int[][] {{0, 4}, {4, 7}, {7, 10}}),
                Arguments.of("tonic number", new String[] {"--convention", "tonic", "--split-by", "number", "--frames", "3"},
                        new int[][] {{0, 3}, {3, 6}, {6, 9}}),
                Arguments.of("tonic time", new String[] {"--convention", "tonic", "--split-by", "time", "--frames", "3"},
                        new int[][] {{0, 4}, {4, 7}, {7, 9}}),
                Arguments.of("tonic time-window", new String[] {"--convention", "tonic", "--split-by", "time-window", "--time-window", "30"},
                        new int[][] {{0, 3}, {3, 6}, {6, 9}}),
                Arguments.of("tonic event-count", new String[] {"--convention", "tonic", "--split-by", "event-count", "--event-count", "4",
                        "--overlap", "1"}, new int[][] {{0, 4}, {3, 7}, {6, 10}}));
    }

    static Stream<Arguments> formatsAndModes() {
        return Stream.of("nmnist", "dvs128-gesture", "cifar10-dvs")
                .flatMap(f -> modes().map(m -> Arguments.of(f, m.get()[0], m.get()[1], m.get()[2])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("formatsAndModes")
    void everyFormatMatchesHandWorkedFramesInEveryMode(String format, String mode, String[] options, int[][] ranges,
                                                      @TempDir Path tmp) throws IOException {
        Path in = corpus(format, tmp.resolve("in"));
        Path out = tmp.resolve("out");
        ObjectNode s = prep(format, in, out, options);
        int side = format.equals("nmnist") ? 34 : 128;
        String id = switch (format) {
            case "nmnist" -> "Test/7/00002.bin#0";
            case "dvs128-gesture" -> "user02_natural.aedat#0";
            default -> "cat/cifar10_cat_0.aedat#0";
        };
        Row r = sample(out, "test", id);
        assertEquals(List.of(ranges.length, 2, side, side), r.getList(r.fieldIndex("shape")));
        int[] frames = unpack(r);
        assertArrayEquals(expected(ranges, side, side), frames, mode);
        long sum = 0;
        for (int v : frames) sum += v;
        assertEquals(sum, r.<Long>getAs("events"), "the frames sum to the events binned");
        int binnedPerSample = 0;
        for (int[] range : ranges) binnedPerSample += range[1] - range[0];
        assertEquals(binnedPerSample, sum);
        assertEquals(0, s.get("rejected").asInt());
        if (format.equals("dvs128-gesture")) {
            // the class-11 row [20, 50) holds events 2, 3, 4; the invalid slot and the IMU packet never count
            assertEquals(3, r.<Integer>getAs("label"), "class 4 is stored as 3");
            assertEquals(2 * 11, s.get("records_read").asInt(), "10 valid + 1 invalid polarity records per file");
            assertEquals(2, s.get("records_dropped").asInt());
            assertEquals(2 * (10 + 3), s.get("events_in_samples").asInt());
        }
    }

    @Test
    void gestureLabelRowsBecomeSamplesWithHalfOpenCuts(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        prep("dvs128-gesture", EventCorpora.writeGesture(tmp.resolve("in")), out, "--frames", "3");
        Row clap = sample(out, "train", "user01_led.aedat#0");
        Row other = sample(out, "train", "user01_led.aedat#1");
        assertEquals(3, clap.<Integer>getAs("label"), "class 4 is stored as 3");
        assertEquals(10, other.<Integer>getAs("label"), "class 11 is stored as 10");
        assertArrayEquals(expected(new int[][] {{2, 3}, {3, 4}, {4, 5}}, 128, 128), unpack(other), "t in [20, 50): events 2, 3, 4");
        JsonNode meta = JSON.readTree(out.resolve("metadata.json").toFile());
        assertEquals("dvs128-gesture", meta.get("dataset").asText());
        assertEquals("channel 0 = OFF, channel 1 = ON", meta.get("polarity_order").asText());
        assertEquals("microseconds", meta.get("time_unit").asText());
        assertEquals(List.of(3, 2, 128, 128), JSON.convertValue(meta.get("frame_shape"), List.class));
        assertEquals(1, meta.get("splits").get("train").get("per_class").get("3").asInt());
        assertEquals("absorbed by the last frame", meta.get("recipe").get("binning").get("tail").asText());
        assertEquals(1, meta.get("ignored_files").get("count").asInt(), "README.txt is outside the layout");
        assertEquals("hand_clapping", meta.get("classes").get(0).asText());
    }

    @Test
    void denoiseAndDownsampleAsWorkedOutByHand(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        // Denoise 15 us: every event has its left neighbour within 15 us except the last (gap 20 us, and x = 9 is
        // the grid's right edge): 9 of 10 kept. Downsample by 2: x -> x / 2, y 1 -> 0, on a 17 x 17 grid.
        ObjectNode s = prep("nmnist", EventCorpora.writeNmnist(tmp.resolve("in")), out, "--frames", "1", "--denoise", "15",
                "--downsample", "2");
        assertEquals(2 * 10, s.get("events_in_samples").asInt());
        assertEquals(2 * 9, s.get("events_kept").asInt());
        assertEquals(2 * 9, s.get("events_binned").asInt());
        int[] frames = unpack(sample(out, "train", "Train/3/00001.bin#0"));
        int[] want = new int[2 * 17 * 17];
        for (int i = 0; i < 9; i++) want[EventCorpora.p(i) * 289 + EventCorpora.x(i) / 2]++;
        assertArrayEquals(want, frames);
    }

    @Test
    void cropAndMergedPolarity(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        // crop [20, 60) us after the first event keeps events 2..5; SpikingJelly number T=2 gives {2,3} and {4,5}
        prep("nmnist", EventCorpora.writeNmnist(tmp.resolve("in")), out, "--frames", "2", "--crop", "20:60", "--polarity", "merge");
        Row r = sample(out, "train", "Train/3/00001.bin#0");
        assertEquals(List.of(2, 1, 34, 34), r.getList(r.fieldIndex("shape")));
        int[] want = new int[2 * 34 * 34];
        for (int i = 2; i < 6; i++) want[(i < 4 ? 0 : 1) * 34 * 34 + 34 + i]++;
        assertArrayEquals(want, unpack(r));
    }

    @Test
    void optionsAreValidatedBeforeAnyWork(@TempDir Path tmp) {
        Path in = tmp.resolve("in");
        assertEquals("--frames is required", assertThrows(IllegalArgumentException.class,
                () -> prep("nmnist", in, tmp.resolve("o"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> prep("nmnist", in, tmp.resolve("o"), "--frames", "3",
                "--downsample", "5")).getMessage().contains("whole divisor of the sensor 34x34"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> prep("aedat", in, tmp.resolve("o"), "--frames", "3"))
                .getMessage().contains("expected dvs128-gesture, nmnist or cifar10-dvs"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> prep("nmnist", in, tmp.resolve("o"), "--frames", "3",
                "--split-by", "time-window")).getMessage().contains("expected number or time"));
    }

    /** One corrupted file per case: the format, the file replaced, its bytes, and what the message must say. */
    static Stream<Arguments> badInputs() {
        byte[] backwards = new byte[10];
        EventCorpora.nmnistEvent(backwards, 0, 1, 1, 0, 10);
        EventCorpora.nmnistEvent(backwards, 1, 1, 1, 0, 5);
        byte[] outside = new byte[5];
        EventCorpora.nmnistEvent(outside, 0, 40, 1, 0, 0);
        byte[] recording = EventCorpora.gestureRecording();
        byte[] unknownType = new org.firstspike.prep.io.Aedat31Builder().packet(42, 8, 4, 0, 0, 0, 0, new byte[0]).bytes();
        byte[] cutPacket = java.util.Arrays.copyOf(recording, org.firstspike.prep.io.Aedat31Builder.HEADER_LENGTH + 12);
        return Stream.of(
                Arguments.of("empty file", "nmnist", "Test/7/00002.bin", new byte[0], "at byte 0:"),
                Arguments.of("truncated record", "nmnist", "Test/7/00002.bin", new byte[7], "at byte 5:"),
                Arguments.of("outside the sensor", "nmnist", "Test/7/00002.bin", outside, "x=40"),
                Arguments.of("timestamps backwards", "nmnist", "Test/7/00002.bin", backwards, "at byte 5:"),
                Arguments.of("bad header", "dvs128-gesture", "user02_natural.aedat", EventCorpora.cifarRecording(), "#!AER-DAT3.1"),
                Arguments.of("missing header", "dvs128-gesture", "user02_natural.aedat",
                        java.util.Arrays.copyOfRange(recording, org.firstspike.prep.io.Aedat31Builder.HEADER_LENGTH, recording.length),
                        "at byte 0:"),
                Arguments.of("unknown event type", "dvs128-gesture", "user02_natural.aedat", unknownType, "unknown event type 42"),
                Arguments.of("truncated packet", "dvs128-gesture", "user02_natural.aedat", cutPacket, "packet header truncated"),
                Arguments.of("cifar bad header", "cifar10-dvs", "cat/cifar10_cat_0.aedat", EventCorpora.gestureRecording(), "#!AER-DAT2.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputFailsNamingFileAndOffsetOrIsRejectedAndCounted(String name, String format, String file, byte[] bytes,
                                                               String fragment, @TempDir Path tmp) throws IOException {
        Path in = corpus(format, tmp.resolve("in"));
        Files.write(in.resolve(file), bytes);
        IOException e = assertThrows(IOException.class, () -> prep(format, in, tmp.resolve("fail"), "--frames", "2"));
        assertTrue(e.getMessage().contains(file) && e.getMessage().contains(fragment) && e.getMessage().contains("expected"),
                e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*: at byte \\d+: .*"), e.getMessage());

        ObjectNode s = prep(format, in, tmp.resolve("skip"), "--frames", "2", "--on-bad-input", "skip");
        assertEquals(1, s.get("rejected").asInt(), s.toString());
        List<Row> rejected = SparkSession.active().read().parquet(tmp.resolve("skip/rejected").toString()).collectAsList();
        assertEquals(1, rejected.size());
        assertTrue(rejected.get(0).<String>getAs("source").endsWith(file), rejected.toString());
        assertTrue(rejected.get(0).<String>getAs("reason").contains(fragment), rejected.toString());
        long good = format.equals("cifar10-dvs") ? 2 : format.equals("nmnist") ? 1 : 2;
        assertEquals(good, s.get("samples").get("train").asLong(), "the good inputs are all written");
        assertTrue(!s.get("samples").has("test") || s.get("samples").get("test").asLong() == 0);
    }

    @Test
    void labelRowOutsideTheRecordingFailsOrRejectsThatSegmentOnly(@TempDir Path tmp) throws IOException {
        Path in = EventCorpora.writeGesture(tmp.resolve("in"));
        EventCorpora.write(in.resolve("user02_natural_labels.csv"), "class,startTime_usec,endTime_usec\r\n4,0,101\r\n5,90,5000\r\n");
        IOException e = assertThrows(IOException.class, () -> prep("dvs128-gesture", in, tmp.resolve("fail"), "--frames", "2"));
        assertTrue(e.getMessage().contains("user02_natural_labels.csv: at byte 44:"), e.getMessage());
        ObjectNode s = prep("dvs128-gesture", in, tmp.resolve("skip"), "--frames", "2", "--on-bad-input", "skip");
        assertEquals(1, s.get("rejected").asInt());
        assertEquals(1, s.get("samples").get("test").asInt(), "the good row of the same recording is kept");
        Row rej = SparkSession.active().read().parquet(tmp.resolve("skip/rejected").toString()).first();
        assertEquals("segment 2 of user02_natural.aedat", rej.getAs("unit"));
    }

    @Test
    void trialListedButMissingIsAStructuralProblem(@TempDir Path tmp) throws IOException {
        Path in = EventCorpora.writeGesture(tmp.resolve("in"));
        Files.delete(in.resolve("user02_natural_labels.csv"));
        IOException e = assertThrows(IOException.class, () -> prep("dvs128-gesture", in, tmp.resolve("fail"), "--frames", "2"));
        assertTrue(e.getMessage().contains("trials_to_test.txt") && e.getMessage().contains("labels file is missing"), e.getMessage());
        ObjectNode s = prep("dvs128-gesture", in, tmp.resolve("skip"), "--frames", "2", "--on-bad-input", "skip");
        assertEquals(1, s.get("rejected").asInt());
        assertEquals(2, s.get("samples").get("train").asInt());
    }
}
