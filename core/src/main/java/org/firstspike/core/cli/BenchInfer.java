package org.firstspike.core.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import org.firstspike.core.data.DatasetSplit;
import org.firstspike.core.data.Datasets;
import org.firstspike.core.exec.ComputeThreads;
import org.firstspike.core.infer.EventInference;
import org.firstspike.core.infer.SampleResult;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.net.BatchOutput;
import org.firstspike.core.net.Folding;
import org.firstspike.core.net.ModelConfig;
import org.firstspike.core.net.Network;

/**
 * {@code firstspike bench-infer}: inference cost of a saved ETTFS or B1 model on one thread, microseconds per sample of
 * the event-driven engine (with and without early stop) against the batched dense engines (FAST and DENSE at batch 1
 * and 256), alternated round by round; then the work: SynOps per sample against the dense multiply-adds (ETTFS:
 * T x connections; B1: the connections once), spikes per neuron, and whether the event engine's predictions equal
 * FAST's.
 */
public final class BenchInfer {
    private static final int BIG_BATCH = 256;

    private BenchInfer() {}

    public static void main(String[] argv) {
        CommandLine.run("bench-infer", () -> run(argv));
    }

    private interface Pass {
        void run();
    }

    private static void run(String[] argv) throws IOException {
        Args a = Args.parse(argv, Set.of("--model", "--data", "--split", "--samples", "--rounds"), Set.of());
        if (!a.has("--model")) throw new IllegalArgumentException("--model FILE is required");
        ComputeThreads.use(1);
        Network net = Folding.forInference(ModelIO.load(Path.of(a.get("--model", null))));
        ModelConfig m = net.config();
        EventInference events = EventInference.of(net);
        Path dir = Path.of(a.get("--data", TrainLocal.DEFAULT_DATA));
        int limit = Integer.parseInt(a.get("--samples", "1000"));
        DatasetSplit split = Datasets.formatOf(dir).load(dir, a.get("--split", "test"), limit);
        split.format().checkCompatible(m.input(), m.dataEncoding(), m.timeSteps());
        int n = Math.min(limit, split.samples().size());
        int len = net.sampleLength();
        float[] x = new float[n * len];
        int[] labels = new int[n];
        split.samples().copyRange(0, n, x, labels);
        int rounds = Integer.parseInt(a.get("--rounds", "5"));

        String[] names = {"event, early stop", "event, all T steps", "fast, batch 1", "fast, batch 256", "dense, batch 1", "dense, batch 256"};
        Pass[] passes = {
                () -> { for (int i = 0; i < n; i++) events.run(x, i * len, true); },
                () -> { for (int i = 0; i < n; i++) events.run(x, i * len, false); },
                () -> batches(net, x, n, 1, Engine.FAST),
                () -> batches(net, x, n, BIG_BATCH, Engine.FAST),
                () -> batches(net, x, n, 1, Engine.DENSE),
                () -> batches(net, x, n, BIG_BATCH, Engine.DENSE),
        };
        double[][] micros = new double[passes.length][rounds];
        for (int r = -1; r < rounds; r++) {  // round -1 warms up the JIT
            for (int p = 0; p < passes.length; p++) {
                long t0 = System.nanoTime();
                passes[p].run();
                if (r >= 0) micros[p][r] = (System.nanoTime() - t0) / 1e3 / n;
            }
        }
        System.out.printf("bench-infer: %s %s (%s), %d samples of %s, 1 thread, %d rounds%n", RunReports.describe(m), m.layers(),
                m.encoding().name().toLowerCase(), n, split.format().source(), rounds);
        for (int p = 0; p < passes.length; p++)
            System.out.printf("  %-20s median %,10.1f us/sample  (min %,.1f, max %,.1f)  %.2fx the event path%n", names[p],
                    BenchCore.median(micros[p]), Arrays.stream(micros[p]).min().orElse(0), Arrays.stream(micros[p]).max().orElse(0),
                    BenchCore.median(micros[p]) / BenchCore.median(micros[0]));
        report(net, events, x, labels, n);
    }

    private static void batches(Network net, float[] x, int n, int batch, Engine engine) {
        int len = net.sampleLength();
        for (int from = 0; from < n; from += batch) {
            int b = Math.min(batch, n - from);
            net.forward(Arrays.copyOfRange(x, from * len, (from + b) * len), b, null, engine);
        }
    }

    /** The work of both paths and the agreement of their predictions. */
    private static void report(Network net, EventInference events, float[] x, int[] labels, int n) {
        int len = net.sampleLength();
        int[] fast = new int[n];
        for (int from = 0; from < n; from += BIG_BATCH) {
            int b = Math.min(BIG_BATCH, n - from);
            BatchOutput o = net.forward(Arrays.copyOfRange(x, from * len, (from + b) * len), b, null, Engine.FAST);
            System.arraycopy(o.predictions(), 0, fast, from, b);
        }
        int[] neurons = events.neuronsPerLayer();
        double[] spikes = new double[neurons.length];
        long synOpsEarly = 0, synOpsFull = 0, analog = 0, steps = 0;
        int correct = 0, differ = 0;
        for (int i = 0; i < n; i++) {
            SampleResult full = events.run(x, i * len, false);
            SampleResult early = events.run(x, i * len, true);
            for (int l = 0; l < spikes.length; l++) spikes[l] += full.spikesPerLayer()[l];
            synOpsFull += full.synOps();
            synOpsEarly += early.synOps();
            analog += early.analogMacs();
            steps += early.stepsRun();
            if (early.prediction() == labels[i]) correct++;
            if (early.prediction() != fast[i] || full.prediction() != fast[i]) differ++;
        }
        long dense = events.denseMacs();
        System.out.printf("  accuracy %.2f%% (event path); predictions differing from FAST: %d of %d%n", 100.0 * correct / n, differ, n);
        String stepsRun = steps < 0 ? "" : String.format(" (mean %.2f steps of %d)", steps / (double) n, net.config().timeSteps());
        System.out.printf("  SynOps/sample: %,.0f with early stop%s, %,.0f over all steps; analog first-layer MACs/sample %,.0f%n",
                synOpsEarly / (double) n, stepsRun, synOpsFull / (double) n, analog / (double) n);
        System.out.printf("  dense MACs/sample: %,d  ->  dense / (SynOps + analog MACs) = %.1fx with early stop, %.1fx without%n",
                dense, dense / ((synOpsEarly + analog) / (double) n), dense / ((synOpsFull + analog) / (double) n));
        StringBuilder b = new StringBuilder();
        for (int l = 0; l < spikes.length; l++) b.append(String.format(" %.3f", spikes[l] / n / neurons[l]));
        System.out.println("  spikes per neuron by layer (all steps):" + b);
    }
}
