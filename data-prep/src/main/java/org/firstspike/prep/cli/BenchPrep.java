package org.firstspike.prep.cli;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.firstspike.core.cli.Args;
import org.firstspike.core.cli.CommandLine;
import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.io.Aedat20Reader;
import org.firstspike.prep.io.Aedat20Writer;
import org.firstspike.prep.io.Aedat31Reader;
import org.firstspike.prep.io.Aedat31Writer;
import org.firstspike.prep.io.DecodedEvents;
import org.firstspike.prep.io.DvsAddressConvention;
import org.firstspike.prep.io.NmnistReader;
import org.firstspike.prep.io.NmnistWriter;
import org.firstspike.prep.event.EventBuffer;
import org.firstspike.prep.event.Events;
import org.firstspike.prep.event.SensorSize;
import org.firstspike.prep.frame.BinningMode;
import org.firstspike.prep.frame.FrameAccumulator;
import org.firstspike.prep.frame.FrameBinning;
import org.firstspike.prep.frame.Frames;
import org.firstspike.prep.tensor.DType;
import org.firstspike.prep.tensor.TensorBytes;

/**
 * {@code firstspike bench-prep}: single-thread throughput of the prep hot loops on in-memory data, so the numbers
 * measure the code and not the disk: binning in every mode, binning plus packing into the stored form, and decoding
 * of the three event file formats. Cases are
 * interleaved round by round so machine noise hits them alike; prints medians.
 */
public final class BenchPrep {
    private BenchPrep() {}

    public static void main(String[] argv) {
        CommandLine.run("bench-prep", () -> run(argv));
    }

    private static void run(String[] argv) {
        Args a = Args.parse(argv, Set.of("--events", "--samples", "--frames", "--rounds"), Set.of());
        int perSample = Integer.parseInt(a.get("--events", "100000"));
        int samples = Integer.parseInt(a.get("--samples", "20"));
        int frames = Integer.parseInt(a.get("--frames", "16"));
        int rounds = Integer.parseInt(a.get("--rounds", "7"));
        SensorSize sensor = SensorSize.DVS128;
        List<Events> data = new ArrayList<>();
        Random r = new Random(7);
        for (int s = 0; s < samples; s++) data.add(gestureLike(r, perSample, 6_000_000L, sensor));

        Map<String, Case> cases = new LinkedHashMap<>();
        for (BinningMode m : new BinningMode[] {BinningMode.SJ_NUMBER, BinningMode.SJ_TIME, BinningMode.TONIC_EVENT_BINS,
                BinningMode.TONIC_TIME_BINS}) {
            FrameBinning b = FrameBinning.fixed(m, frames);
            cases.put("bin " + m.name().toLowerCase(), ev -> FrameAccumulator.accumulate(ev, sensor, b).events());
        }
        FrameBinning window = new FrameBinning(BinningMode.TONIC_TIME_WINDOW, 0, 6_000_000L / frames, 0, 0, false, 2);
        cases.put("bin tonic_time_window", ev -> FrameAccumulator.accumulate(ev, sensor, window).events());
        FrameBinning sj = FrameBinning.fixed(BinningMode.SJ_NUMBER, frames);
        cases.put("bin + pack (stored form)", ev -> {
            Frames f = FrameAccumulator.accumulate(ev, sensor, sj);
            return TensorBytes.encode(f.counts(), DType.smallestFor(f.max())).length > 0 ? f.events() : 0;
        });

        // Decoding: the same events written in the real formats (N-MNIST needs its 34x34 grid).
        List<byte[]> aedat31 = new ArrayList<>(), aedat20 = new ArrayList<>(), nmnist = new ArrayList<>();
        for (Events ev : data) {
            aedat31.add(new Aedat31Writer(4096, 32).toBytes(ev, ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
            aedat20.add(Aedat20Writer.toBytes(ev));
            nmnist.add(NmnistWriter.toBytes(onNmnistGrid(ev)));
        }
        cases.put("decode aedat 3.1", ev -> decoded(aedat31, data, ev, b -> Aedat31Reader.read("bench", b, sensor)));
        cases.put("decode aedat 2.0", ev -> decoded(aedat20, data, ev, b -> Aedat20Reader.read("bench", b, DvsAddressConvention.SPIKINGJELLY)));
        cases.put("decode n-mnist", ev -> decoded(nmnist, data, ev, b -> NmnistReader.read("bench", b, SensorSize.ATIS_NMNIST)));
        Map<String, Long> bytesPerRound = Map.of("decode aedat 3.1", sum(aedat31), "decode aedat 2.0", sum(aedat20),
                "decode n-mnist", sum(nmnist));

        long total = (long) perSample * samples;
        double[][] rates = new double[cases.size()][rounds];
        for (int round = -1; round < rounds; round++) {  // round -1 warms up the JIT
            int c = 0;
            for (Case k : cases.values()) {
                long sink = 0;
                long t0 = System.nanoTime();
                for (Events ev : data) sink += k.run(ev);
                double seconds = (System.nanoTime() - t0) / 1e9;
                if (sink > total) throw new IllegalStateException("binned " + sink + " of " + total);
                if (round >= 0) rates[c][round] = total / seconds;
                c++;
            }
        }
        System.out.printf("%d samples x %,d events (DVS128, 2 polarities, T=%d), 1 thread, median of %d rounds%n",
                samples, perSample, frames, rounds);
        int c = 0;
        for (String name : cases.keySet()) {
            double[] v = rates[c++].clone();
            Arrays.sort(v);
            double median = v[v.length / 2];
            String mb = bytesPerRound.containsKey(name) ? String.format("  = %,.0f MB/s", median / total * bytesPerRound.get(name) / 1e6) : "";
            System.out.printf("  %-28s %8.1f M events/s  (min %.1f, max %.1f)%s%n", name, median / 1e6, v[0] / 1e6,
                    v[v.length - 1] / 1e6, mb);
        }
    }

    /** Events of a moving blob with background noise: mostly local, time-ordered, as a gesture recording is. */
    private static Events gestureLike(Random r, int n, long duration, SensorSize sensor) {
        EventBuffer b = new EventBuffer(n);
        for (int i = 0; i < n; i++) {
            long t = duration * i / n;
            double phase = 2 * Math.PI * t / 1_500_000.0;
            int cx = (int) (64 + 35 * Math.cos(phase)), cy = (int) (64 + 35 * Math.sin(phase));
            boolean noise = r.nextInt(10) == 0;
            int x = noise ? r.nextInt(sensor.width()) : Math.floorMod(cx + (int) (r.nextGaussian() * 8), sensor.width());
            int y = noise ? r.nextInt(sensor.height()) : Math.floorMod(cy + (int) (r.nextGaussian() * 8), sensor.height());
            b.add(t, x, y, r.nextInt(2));
        }
        return b.build();
    }

    private interface Case {
        long run(Events ev);
    }

    private interface Decoder {
        DecodedEvents decode(byte[] content) throws MalformedInputException;
    }

    /** Decodes the file written from sample {@code ev}; returns its event count. */
    private static long decoded(List<byte[]> files, List<Events> data, Events ev, Decoder d) {
        try {
            return d.decode(files.get(data.indexOf(ev))).events().size();
        } catch (MalformedInputException e) {
            throw new IllegalStateException("the writer's own output must decode: " + e.getMessage(), e);
        }
    }

    private static long sum(List<byte[]> files) {
        return files.stream().mapToLong(b -> b.length).sum();
    }

    /** The events folded onto N-MNIST's 34x34 grid, for its decoder. */
    private static Events onNmnistGrid(Events ev) {
        EventBuffer b = new EventBuffer(ev.size());
        for (int i = 0; i < ev.size(); i++) b.add(ev.t(i), ev.x(i) % 34, ev.y(i) % 34, ev.p(i));
        return b.build();
    }
}
