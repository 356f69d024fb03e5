package org.firstspike.core.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.firstspike.core.exec.ComputeThreads;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.io.IdxReader;
import org.firstspike.core.io.LabeledImages;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.net.Network;
import org.firstspike.core.train.Optimizer;

/**
 * {@code firstspike bench-core}: training throughput (forward, BPTT, optimizer step) of one model on real
 * Fashion-MNIST batches, engines interleaved round by round so that machine noise hits them alike; prints the
 * median samples/s of each engine and its ratio to the first.
 */
public final class BenchCore {
    private BenchCore() {}

    public static void main(String[] argv) {
        CommandLine.run("bench-core", () -> run(argv));
    }

    private static void run(String[] argv) throws IOException {
        Args a = Args.parse(argv,
                Set.of("--config", "--data", "--engines", "--threads", "--batches", "--rounds"), Set.of());
        Settings s = Settings.load(a.has("--config") ? Path.of(a.get("--config", null)) : null, a.sets());
        int threads = Integer.parseInt(a.get("--threads", "1"));
        ComputeThreads.use(threads);
        List<Engine> engines = new ArrayList<>();
        for (String e : a.get("--engines", "fast,dense").split(",")) engines.add(Engine.parse(e.trim()));
        int batches = Integer.parseInt(a.get("--batches", "30"));
        int rounds = Integer.parseInt(a.get("--rounds", "7"));
        int batch = s.getInt("train.batchSize");
        Network net = Network.create(ModelConfigs.from(s), 1);
        int len = net.sampleLength();
        float[][] xs = new float[batches][];
        int[][] ys = new int[batches][];
        load(Path.of(a.get("--data", TrainLocal.DEFAULT_DATA)), len, batch, xs, ys);
        Optimizer opt = Optimizer.create(s.get("train.optimizer"), net.parameters(), 0.9, 0);
        double[][] rates = new double[engines.size()][rounds];
        for (int r = -1; r < rounds; r++) {  // round -1 warms up the JIT
            for (int e = 0; e < engines.size(); e++) {
                long t0 = System.nanoTime();
                for (int b = 0; b < batches; b++) {
                    net.zeroGrad();
                    net.forward(xs[b], batch, ys[b], engines.get(e));
                    net.backward();
                    opt.step(1e-4);
                    net.afterStep();
                }
                double sps = (double) batches * batch / ((System.nanoTime() - t0) / 1e9);
                if (r >= 0) rates[e][r] = sps;
            }
        }
        System.out.printf("bench-core: %s %s batch %d, %d compute thread(s), %d batches x %d rounds%n",
                RunReports.describe(net.config()), s.get("model.layers"), batch, threads, batches, rounds);
        double base = median(rates[0]);
        for (int e = 0; e < engines.size(); e++) {
            double m = median(rates[e]);
            System.out.printf("  %-9s median %,10.0f samples/s  (min %,.0f, max %,.0f)  ratio to %s %.2fx%n",
                    engines.get(e).name().toLowerCase(), m, Arrays.stream(rates[e]).min().orElse(0),
                    Arrays.stream(rates[e]).max().orElse(0), engines.get(0).name().toLowerCase(), m / base);
        }
    }

    private static void load(Path dir, int len, int batch, float[][] xs, int[][] ys) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException(dir + ": Fashion-MNIST not found (apt-get install dataset-fashion-mnist)");
        LabeledImages d = IdxReader.readSplit(dir, "train");
        byte[] px = d.images().pixels();
        if (px.length / d.labels().length != len)
            throw new IllegalArgumentException("bench-core reads images of " + px.length / d.labels().length + " values, model wants " + len);
        for (int b = 0; b < xs.length; b++) {
            xs[b] = new float[batch * len];
            ys[b] = new int[batch];
            for (int i = 0; i < batch; i++) {
                int idx = (b * batch + i) % d.labels().length;
                for (int j = 0; j < len; j++) xs[b][i * len + j] = (px[idx * len + j] & 0xff) / 255f;
                ys[b][i] = d.labels()[idx];
            }
        }
    }

    /** Median of the values (mean of the middle two for an even count). */
    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
