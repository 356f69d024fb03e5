package org.firstspike.prep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.firstspike.core.cli.Args;
import org.firstspike.core.cli.CommandLine;
import org.firstspike.core.io.IdxReader;
import org.firstspike.core.io.LabeledImages;
import org.firstspike.prep.io.Aedat31Writer;
import org.firstspike.prep.synth.GestureScene;
import org.firstspike.prep.synth.Knobs;
import org.firstspike.prep.synth.MonitorRecording;
import org.firstspike.prep.synth.SaccadeRecording;

/**
 * {@code firstspike synth-events}: writes a simulated event-camera dataset in the file layout and byte format of a real
 * one (N-MNIST, DVS128 Gesture or CIFAR10-DVS), since no real corpus can be downloaded where FirstSpike is developed.
 * Units of work run on a fixed pool and each depends only on (seed, index), so the files are the same for any thread
 * count. Progress goes to stderr, a one-line JSON summary to stdout, and the generation parameters to
 * {@code synth-events.json} in the output directory.
 *
 * <pre>
 * synth-events --format nmnist|dvs128-gesture|cifar10-dvs --out DIR [--images DIR] [--train N] [--test N]
 *              [--per-class N] [--users N] [--seed S] [--threads N] [--set knob=value]...
 * </pre>
 */
public final class SynthEvents {
    static final String DEFAULT_IMAGES = "/usr/share/datasets/fashion-mnist";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> COMMON = Set.of("--format", "--out", "--seed", "--threads");
    private static final Set<String> OPTIONS =
            Set.of("--format", "--out", "--images", "--train", "--test", "--per-class", "--users", "--seed", "--threads");

    private SynthEvents() {}

    public static void main(String[] argv) {
        CommandLine.run("synth-events", () -> run(argv));
    }

    /** Runs the command; returns the summary also printed on stdout. */
    public static ObjectNode run(String[] argv) throws IOException {
        Args a = Args.parse(argv, OPTIONS, Set.of());
        String format = a.get("--format", null);
        if (format == null) throw new IllegalArgumentException("--format is required: nmnist, dvs128-gesture or cifar10-dvs");
        if (!a.has("--out")) throw new IllegalArgumentException("--out DIR is required");
        Path out = Path.of(a.get("--out", null));
        long seed = number(a, "--seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        int threads = count(a, "--threads", Runtime.getRuntime().availableProcessors(), 1);
        ObjectNode meta = JSON.createObjectNode().put("generator", "firstspike synth-events").put("format", format).put("seed", seed);
        SynthDataset dataset = plan(format, a, Knobs.parse(a.sets()), out, seed, meta);
        meta.putPOJO("knobs", a.sets());
        Files.writeString(out.resolve("synth-events.json"), JSON.writeValueAsString(meta) + "\n", StandardCharsets.UTF_8);
        System.err.printf("synth-events: %s, %,d %s on %d thread(s) -> %s%n", format, dataset.units(), dataset.unitName(), threads, out);
        long start = System.nanoTime();
        long[][] counts = generate(dataset, threads);
        int files = dataset.units() * dataset.filesPerUnit() + dataset.writeIndex() + 1;
        ObjectNode summary = summary(format, out, files, counts, (System.nanoTime() - start) / 1e9, threads);
        System.out.println(JSON.writeValueAsString(summary));
        return summary;
    }

    /**
     * Checks the options and knobs of {@code format}, reads its images, creates the output directory and returns the
     * dataset to generate; records the effective settings in {@code meta}.
     */
    private static SynthDataset plan(String format, Args a, Knobs knobs, Path out, long seed, ObjectNode meta) throws IOException {
        return switch (format) {
            case "nmnist" -> {
                only(a, format, "--images", "--train", "--test");
                SaccadeRecording.Settings s = SaccadeRecording.Settings.defaults().with(knobs);
                knobs.rejectUnread();
                int train = count(a, "--train", 60_000, 0), test = count(a, "--test", 10_000, 0);
                meta.put("train", train).put("test", test).put("settings", s.toString());
                Path images = imagesDir(a);
                LabeledImages trainImages = split(images, "train", train), testImages = split(images, "test", test);
                prepare(out);
                yield new NmnistDataset(out, trainImages, train, testImages, test, s, seed);
            }
            case "cifar10-dvs" -> {
                only(a, format, "--images", "--per-class");
                MonitorRecording.Settings s = MonitorRecording.Settings.defaults().with(knobs);
                knobs.rejectUnread();
                int perClass = count(a, "--per-class", 1_000, 1);
                meta.put("perClass", perClass).put("settings", s.toString());
                LabeledImages images = IdxReader.readSplit(imagesDir(a), "train");
                prepare(out);
                yield new Cifar10DvsDataset(out, images, perClass, s, seed);
            }
            case "dvs128-gesture" -> {
                only(a, format, "--users");
                GestureScene.Settings s = GestureScene.Settings.defaults().with(knobs);
                int perUser = (int) knobs.integer("gesture.lightingsPerUser", 4);
                Aedat31Writer writer = new Aedat31Writer((int) knobs.integer("aedat.packetEvents", 4096),
                        (int) knobs.integer("aedat.specialEvery", 32));
                knobs.rejectUnread();
                int users = count(a, "--users", 29, 1);
                meta.put("users", users).put("lightingsPerUser", perUser).put("settings", s.toString());
                GestureDataset d = new GestureDataset(out, users, perUser, s, writer, seed);
                prepare(out);
                yield d;
            }
            default -> throw new IllegalArgumentException("--format " + format + ": expected nmnist, dvs128-gesture or cifar10-dvs");
        };
    }

    /** Runs every unit on a pool of {@code threads}; returns the per-sample event counts in unit order. */
    static long[][] generate(SynthDataset dataset, int threads) throws IOException {
        int units = dataset.units();
        long[][] counts = new long[units][];
        Progress progress = new Progress(dataset.unitName(), units);
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "synth-events");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    for (int i; !failed.get() && (i = next.getAndIncrement()) < units; ) {
                        try {
                            counts[i] = dataset.writeUnit(i);
                        } catch (IOException | RuntimeException e) {
                            failed.set(true);
                            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
                        }
                        long sum = 0;
                        for (long c : counts[i]) sum += c;
                        progress.unitDone(sum);
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) throw io.getCause();
            if (cause instanceof RuntimeException re) throw re;
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        return counts;
    }

    private static ObjectNode summary(String format, Path out, int files, long[][] counts, double seconds, int threads) {
        long total = 0, min = Long.MAX_VALUE, max = 0;
        int samples = 0;
        for (long[] unit : counts) {
            for (long c : unit) {
                total += c;
                min = Math.min(min, c);
                max = Math.max(max, c);
                samples++;
            }
        }
        return JSON.createObjectNode().put("format", format).put("out", out.toString()).put("files", files).put("samples", samples)
                .put("events", total).put("events_mean", samples == 0 ? 0 : Math.round((double) total / samples))
                .put("events_min", samples == 0 ? 0 : min).put("events_max", max)
                .put("seconds", Math.round(seconds * 100) / 100.0).put("events_per_second", Math.round(total / seconds))
                .put("threads", threads);
    }

    private static void only(Args a, String format, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String o : OPTIONS)
            if (a.has(o) && !ok.contains(o) && !COMMON.contains(o))
                throw new IllegalArgumentException(o + " does not apply to --format " + format + "; it takes " + String.join(" ", allowed));
    }

    private static int count(Args a, String option, int fallback, int min) {
        return (int) number(a, option, fallback, min, Integer.MAX_VALUE);
    }

    private static long number(Args a, String option, long fallback, long min, long max) {
        String v = a.get(option, null);
        if (v == null) return fallback;
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below with the expected range
        }
        throw new IllegalArgumentException(option + " " + v + ": expected an integer in " + min + ".." + max);
    }

    private static Path imagesDir(Args a) throws IOException {
        Path dir = Path.of(a.get("--images", DEFAULT_IMAGES));
        if (!Files.isDirectory(dir))
            throw new IOException(dir + ": image directory not found (apt-get install dataset-fashion-mnist, or pass --images DIR "
                    + "with MNIST-style IDX files)");
        return dir;
    }

    /** The first {@code count} images of a split; the split is not read when none are wanted. */
    private static LabeledImages split(Path dir, String split, int count) throws IOException {
        LabeledImages images = count == 0 ? null : IdxReader.readSplit(dir, split);
        if (images != null && images.labels().length < count)
            throw new IllegalArgumentException("--" + split + " " + count + ": " + dir + " has only " + images.labels().length + " " + split + " images");
        return images;
    }

    /** Creates the output directory; refuses a non-empty one, whose stale files would mix with the new dataset. */
    private static void prepare(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent())
                    throw new IllegalArgumentException("--out " + out + " is not empty; remove it or choose a new directory");
            }
        }
        Files.createDirectories(out);
    }
}
