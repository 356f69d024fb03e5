package org.firstspike.prep.recipe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.firstspike.core.cli.Args;
import org.firstspike.prep.event.SensorSize;
import org.firstspike.prep.frame.BinningMode;
import org.firstspike.prep.frame.FrameBinning;
import org.firstspike.prep.io.DvsAddressConvention;
import org.firstspike.prep.layout.Cifar10DvsLayout;
import org.firstspike.prep.layout.EventLayout;
import org.firstspike.prep.layout.GestureLayout;
import org.firstspike.prep.layout.NmnistLayout;
import org.firstspike.prep.transform.Denoise;
import org.firstspike.prep.transform.EventPipeline;
import org.firstspike.prep.transform.SpatialDownsample;
import org.firstspike.prep.transform.TimeCrop;

/**
 * A validated {@code prep-events} recipe: corpus layout, per-sample pipeline and job settings. Built from the command
 * line before any Spark work starts; its JSON form goes into metadata.json and the cache key.
 */
public record EventRecipe(String input, String out, EventLayout layout, EventPipeline pipeline, BadInputPolicy onBadInput,
                          String compression, long taskBytes, boolean force) {

    public static final Set<String> OPTIONS = Set.of("--format", "--input", "--out", "--frames", "--split-by", "--convention",
            "--time-window", "--event-count", "--overlap", "--polarity", "--downsample", "--denoise", "--crop",
            "--on-bad-input", "--orientation", "--test-per-class", "--compression", "--task-mb");
    public static final Set<String> FLAGS = Set.of("--include-incomplete", "--force");

    public static EventRecipe parse(String[] argv) {
        Args a = Args.parse(argv, OPTIONS, FLAGS);
        if (!a.sets().isEmpty()) throw new IllegalArgumentException("prep-events takes no --set options");
        EventLayout layout = layout(require(a, "--format"), a);
        BinningMode mode = BinningMode.of(a.get("--convention", "spikingjelly"), a.get("--split-by", "number"));
        int frames = mode.fixedFrameCount() ? positiveInt(require(a, "--frames"), "--frames") : 0;
        if (!mode.fixedFrameCount() && a.has("--frames"))
            throw new IllegalArgumentException("--frames does not apply to --split-by " + mode.splitBy() + " (the frame count follows the recording)");
        long window = mode == BinningMode.TONIC_TIME_WINDOW ? positiveLong(require(a, "--time-window"), "--time-window") : 0;
        int count = mode == BinningMode.TONIC_EVENT_COUNT ? positiveInt(require(a, "--event-count"), "--event-count") : 0;
        double overlap = a.has("--overlap") ? number(a.get("--overlap", null), "--overlap") : 0;
        int polarities = switch (a.get("--polarity", "split")) {
            case "split" -> 2;
            case "merge" -> 1;
            default -> throw new IllegalArgumentException("--polarity '" + a.get("--polarity", null) + "': expected split (OFF, ON channels) or merge");
        };
        FrameBinning binning = new FrameBinning(mode, frames, window, count, overlap, a.flag("--include-incomplete"), polarities);
        SensorSize sensor = layout.sensor();
        SpatialDownsample down = a.has("--downsample") ? downsample(a.get("--downsample", null), sensor) : null;
        if (down != null) down.target(sensor);
        Denoise denoise = a.has("--denoise") ? new Denoise(positiveLong(a.get("--denoise", null), "--denoise")) : null;
        TimeCrop crop = a.has("--crop") ? TimeCrop.parse(a.get("--crop", null)) : null;
        return new EventRecipe(require(a, "--input"), require(a, "--out"), layout, new EventPipeline(crop, denoise, down, binning),
                BadInputPolicy.parse(a.get("--on-bad-input", "fail")), compression(a.get("--compression", "zstd")),
                positiveLong(a.get("--task-mb", "64"), "--task-mb") << 20, a.flag("--force"));
    }

    private static EventLayout layout(String format, Args a) {
        boolean cifar = format.equals("cifar10-dvs");
        if (!cifar && (a.has("--orientation") || a.has("--test-per-class")))
            throw new IllegalArgumentException("--orientation and --test-per-class apply to --format cifar10-dvs only");
        return switch (format) {
            case "dvs128-gesture" -> new GestureLayout();
            case "nmnist" -> new NmnistLayout();
            case "cifar10-dvs" -> new Cifar10DvsLayout(DvsAddressConvention.parse(a.get("--orientation", "spikingjelly")),
                    positiveOrZero(a.get("--test-per-class", "100"), "--test-per-class"));
            default -> throw new IllegalArgumentException("--format '" + format + "': expected dvs128-gesture, nmnist or cifar10-dvs");
        };
    }

    static SpatialDownsample downsample(String s, SensorSize sensor) {
        if (s.contains("x")) {
            String[] wh = s.split("x", -1);
            if (wh.length == 2) return new SpatialDownsample(positiveInt(wh[0], "--downsample width"), positiveInt(wh[1], "--downsample height"));
            throw new IllegalArgumentException("--downsample '" + s + "': expected a factor (e.g. 4) or a target size WxH (e.g. 32x32)");
        }
        return SpatialDownsample.byFactor(sensor, positiveInt(s, "--downsample"));
    }

    static String compression(String c) {
        return switch (c) {
            case "zstd", "snappy", "gzip", "none" -> c;
            default -> throw new IllegalArgumentException("--compression '" + c + "': expected zstd, snappy, gzip or none");
        };
    }

    static String require(Args a, String option) {
        if (!a.has(option)) throw new IllegalArgumentException(option + " is required");
        return a.get(option, null);
    }

    static int positiveInt(String s, String what) {
        long v = positiveLong(s, what);
        if (v > Integer.MAX_VALUE) throw new IllegalArgumentException(what + " " + s + ": too large");
        return (int) v;
    }

    static int positiveOrZero(String s, String what) {
        return s.equals("0") ? 0 : positiveInt(s, what);
    }

    static long positiveLong(String s, String what) {
        try {
            long v = Long.parseLong(s.trim());
            if (v > 0) return v;
        } catch (NumberFormatException ignored) {
            // reported below with the expectation
        }
        throw new IllegalArgumentException(what + " '" + s + "': expected a positive whole number");
    }

    static double number(String s, String what) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + s + "': expected a number");
        }
    }

    /** Everything that decides the output, for metadata.json and the cache key (not the output folder or master). */
    public ObjectNode toJson() {
        ObjectNode r = new ObjectMapper().createObjectNode();
        r.put("input", input);
        r.put("format", layout.name());
        if (layout instanceof Cifar10DvsLayout c) {
            r.put("orientation", c.convention().name().toLowerCase());
            r.put("test_per_class", c.testPerClass());
        }
        FrameBinning b = pipeline.binning();
        ObjectNode bin = r.putObject("binning");
        bin.put("convention", b.mode().convention());
        bin.put("split_by", b.mode().splitBy());
        bin.put("frames", b.frames());
        bin.put("time_window_us", b.windowUs());
        bin.put("event_count", b.eventCount());
        bin.put("overlap", b.overlap());
        bin.put("include_incomplete", b.includeIncomplete());
        bin.put("tail", b.mode().dropsTail() ? "dropped (events past the last whole bin/window)" : "absorbed by the last frame");
        bin.put("windows", "half-open [start, end)");
        bin.put("polarity_channels", b.polarities() == 2 ? "OFF=0, ON=1" : "merged");
        ObjectNode tr = r.putObject("transforms");
        tr.put("order", "crop, denoise, downsample, bin");
        if (pipeline.crop() != null) tr.put("crop_us", pipeline.crop().startUs() + ":" + pipeline.crop().endUs() + " relative to the sample start");
        if (pipeline.denoise() != null) tr.put("denoise_filter_time_us", pipeline.denoise().filterTimeUs());
        if (pipeline.downsample() != null)
            tr.put("downsample_to", pipeline.downsample().targetWidth() + "x" + pipeline.downsample().targetHeight());
        r.put("on_bad_input", onBadInput.name().toLowerCase());
        r.put("compression", compression);
        return r;
    }
}
