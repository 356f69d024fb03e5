package org.firstspike.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.data.SampleSet;
import org.firstspike.core.net.EttfsNetwork;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.ParameterVector;
import org.firstspike.core.net.TestNets;
import org.junit.jupiter.api.Test;

/**
 * Parameter averaging without Spark: workers simulated one after another over partitions i mod W. One worker retraces
 * the local trainer bit for bit; the averaged sum does not depend on the order partial sums meet.
 */
class ParameterAveragingTest {
    private static final Settings S = TestNets.settings("model.input", "1x4x4", "model.layers", "FC12-FC2", "model.classes", "2",
            "train.epochs", "2", "train.batchSize", "16", "train.optimizer", "adam", "train.lr", "0.01");


    /** Samples i with i mod w == p, in index order: how the Spark job partitions a dataset. */
    private static SampleSet partition(SampleSet all, int w, int p) {
        int n = (all.size() - p + w - 1) / w;
        return new SampleSet() {
            @Override public int size() { return n; }
            @Override public int sampleLength() { return all.sampleLength(); }
            @Override public int label(int i) { return all.label(i * w + p); }
            @Override public void copySample(int i, float[] dst, int off) { all.copySample(i * w + p, dst, off); }
        };
    }

    /** Runs every round of the plan, workers in order {@code workerOrder} (a permutation of partitions). */
    private static TrainingState train(SampleSet data, int workers, int frequency, long netSeed, List<Integer> workerOrder) {
        return train(S, data, workers, frequency, netSeed, workerOrder);
    }

    private static TrainingState train(Settings s, SampleSet data, int workers, int frequency, long netSeed, List<Integer> workerOrder) {
        TrainConfig cfg = TrainConfig.from(s);
        int[] sizes = new int[workers];
        for (int p = 0; p < workers; p++) sizes[p] = partition(data, workers, p).size();
        AveragingPlan plan = new AveragingPlan(sizes, cfg.batchSize(), frequency, cfg.epochs());
        Network init = Network.create(ModelConfigs.from(s), netSeed);
        Optimizer initOpt = Optimizer.create(cfg.optimizer(), init.parameters(), cfg.momentum(), cfg.weightDecay());
        TrainingState state = TrainingState.of(init, initOpt);
        Network worker = Network.create(ModelConfigs.from(s), 99);
        Optimizer opt = Optimizer.create(cfg.optimizer(), worker.parameters(), cfg.momentum(), cfg.weightDecay());
        for (int round = 0; round < plan.totalRounds(); round++) {
            OrderedTreeSum sum = new OrderedTreeSum();
            for (int p : workerOrder)
                sum.merge(OrderedTreeSum.leaf(p, WorkerRound.run(worker, opt, cfg, plan, state, partition(data, workers, p), p, round),
                        state.maxFrom(), state.maxTo()));
            state = state.averaged(sum.total(workers), workers, state.steps() + plan.stepsIn(round));
        }
        return state;
    }

    @Test
    void oneWorkerRetracesTheLocalTrainerBitForBit() {
        SampleSet data = TestNets.halves(200, 2);
        EttfsNetwork local = TestNets.network(S, 5);
        new Trainer(local, TrainConfig.from(S)).fit(data, TestNets.halves(32, 3), new TrainingListener() {});
        TrainingState averaged = train(data, 1, 3, 5, List.of(0));
        assertArrayEquals(ParameterVector.values(local.parameters()), averaged.params(), 0f);
        assertEquals(2 * 13, averaged.steps(), "13 minibatches of 16 per epoch, 2 epochs");
    }

    @Test
    void b1WindowsTravelWithTheStateAndMergeByMaximum() {
        Settings b1 = TestNets.exact("b1", "16", "FC12-FC2", 2, "b1.initialWindow", "0.05", "train.epochs", "2",
                "train.batchSize", "16", "train.lr", "0.01");
        SampleSet data = TestNets.halves(200, 2);
        Network local = Network.create(ModelConfigs.from(b1), 5);
        new Trainer(local, TrainConfig.from(b1)).fit(data, TestNets.halves(32, 3), new TrainingListener() {});
        TrainingState one = train(b1, data, 1, 3, 5, List.of(0));
        assertArrayEquals(ParameterVector.values(local.parameters()), one.params(), 0f);
        assertArrayEquals(ParameterVector.values(local.buffers()), one.buffers(), 0f, "windows as grown by the local trainer");
        assertTrue(one.buffers()[0] > 0.05f);

        // the windows of a round's workers merge by maximum, the parameters by mean
        double[] a = {1, 2, 7, 3};
        double[] b = {3, 4, 5, 9};
        double[] total = OrderedTreeSum.leaf(0, a, 2, 3).merge(OrderedTreeSum.leaf(1, b, 2, 3)).total(2);
        assertArrayEquals(new double[] {4, 6, 7, 12}, total, 0.0);
        TrainingState st = new TrainingState(new float[] {0}, new float[] {0}, new float[] {0}, 0);
        assertEquals(2, st.maxFrom());
        assertEquals(7f, st.averaged(new double[] {2, 4, 7, 0, 0, 0, 0}, 2, 1).buffers()[0]);
    }

    @Test
    void threeWorkersLearnAndRepeatWhateverOrderTheirResultsArriveIn() {
        SampleSet data = TestNets.halves(600, 2);
        TrainingState a = train(data, 3, 4, 7, List.of(0, 1, 2));
        TrainingState b = train(data, 3, 4, 7, List.of(2, 0, 1));
        assertArrayEquals(a.params(), b.params(), 0f);
        assertArrayEquals(a.optimizerState(), b.optimizerState(), 0f);
        EttfsNetwork net = TestNets.network(S, 7);
        ParameterVector.setValues(net.parameters(), a.params());
        double acc = Evaluator.evaluate(net, TestNets.halves(256, 3), 256, TrainConfig.from(S).engine()).accuracy();
        assertTrue(acc > 0.9, "3 workers, averaging every 4 minibatches: test accuracy " + acc);
    }

    @Test
    void nonFiniteAveragedStateIsFoundByIndex() {
        EttfsNetwork net = TestNets.network(S, 1);
        TrainConfig cfg = TrainConfig.from(S);
        TrainingState state = TrainingState.of(net, Optimizer.create(cfg.optimizer(), net.parameters(), cfg.momentum(), cfg.weightDecay()));
        assertEquals(-1, state.firstNonFinite());
        float[] params = state.params().clone();
        params[3] = Float.POSITIVE_INFINITY;
        assertEquals(3, new TrainingState(params, state.optimizerState(), state.buffers(), 0).firstNonFinite());
        float[] moments = state.optimizerState().clone();
        moments[1] = Float.NaN;
        assertEquals(params.length + 1, new TrainingState(state.params(), moments, state.buffers(), 0).firstNonFinite());
    }

    @Test
    void orderedTreeSumIsTheSameForEveryMergeOrder() {
        Random r = new Random(1);
        double[][] leaves = new double[5][64];
        for (double[] l : leaves) for (int i = 0; i < l.length; i++) l[i] = r.nextGaussian() * Math.pow(10, r.nextInt(16) - 8);
        double[] expected = new double[64];
        for (int i = 0; i < 64; i++) expected[i] = ((leaves[0][i] + leaves[1][i]) + (leaves[2][i] + leaves[3][i])) + (leaves[4][i] + 0.0);
        for (List<Integer> order : permutations(List.of(0, 1, 2, 3, 4))) {
            // merge as a tree would: pairs first, then the rest, in the given order
            OrderedTreeSum left = new OrderedTreeSum(), right = new OrderedTreeSum();
            for (int k = 0; k < order.size(); k++)
                (k % 2 == 0 ? left : right).merge(OrderedTreeSum.leaf(order.get(k), leaves[order.get(k)].clone()));
            assertArrayEquals(expected, right.merge(left).total(5), 0.0, "order " + order);
        }
        OrderedTreeSum missing = OrderedTreeSum.leaf(0, new double[2]).merge(OrderedTreeSum.leaf(2, new double[2]));
        assertThrows(IllegalStateException.class, () -> missing.total(3));
        assertThrows(IllegalStateException.class, () -> OrderedTreeSum.leaf(1, new double[1]).merge(OrderedTreeSum.leaf(1, new double[1])));
    }

    @Test
    void planArithmetic() {
        AveragingPlan p = new AveragingPlan(new int[] {5, 4}, 2, 2, 3);
        assertEquals(3, p.batches(0));
        assertEquals(2, p.batches(1));
        assertEquals(3, p.stepsPerEpoch());
        assertEquals(2, p.roundsPerEpoch());
        assertEquals(6, p.totalRounds());
        assertEquals(2, p.stepsIn(0));
        assertEquals(1, p.stepsIn(1), "the last round of an epoch has the one minibatch left");
        assertEquals(2, p.firstBatch(3));
        assertEquals(2, p.epochOf(3));
        assertTrue(p.endsEpoch(1) && !p.endsEpoch(2));
        assertArrayEquals(Shuffle.permutation(5, 42, 2), p.order(42, 0, 2), "partition 0 shuffles like the local trainer");
        assertThrows(IllegalArgumentException.class, () -> new AveragingPlan(new int[] {3, 0}, 2, 2, 1));
    }

    private static List<List<Integer>> permutations(List<Integer> items) {
        if (items.isEmpty()) return List.of(List.of());
        List<List<Integer>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<Integer> rest = new ArrayList<>(items);
            int head = rest.remove(i);
            for (List<Integer> p : permutations(rest)) {
                List<Integer> l = new ArrayList<>();
                l.add(head);
                l.addAll(p);
                out.add(l);
            }
        }
        return out;
    }
}
