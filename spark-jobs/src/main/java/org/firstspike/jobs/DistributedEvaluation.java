package org.firstspike.jobs;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.firstspike.core.data.SampleSet;
import org.firstspike.core.metrics.MetricsAccumulator;
import org.firstspike.core.net.Network;
import org.firstspike.core.net.ParameterVector;
import org.firstspike.core.train.Evaluator;

/**
 * Test metrics of a parameter vector (and the network's buffers, the B1 windows) over a partitioned split: each partition is evaluated by its own task (the
 * network built once per executor) and the metric sums are merged; the counts (accuracy, confusion, spikes) are exact
 * whatever the merge order.
 */
final class DistributedEvaluation {
    private DistributedEvaluation() {}

    static MetricsAccumulator run(JavaSparkContext jsc, JavaRDD<? extends SampleSet> data, float[] parameters, float[] buffers,
                                  Map<String, String> settings, Network shape) {
        Broadcast<float[][]> params = jsc.broadcast(new float[][] {parameters, buffers});
        MetricsAccumulator zero = new MetricsAccumulator(shape.neuronsPerLayer(), shape.config().classes());
        MetricsAccumulator sum = data.mapPartitionsWithIndex((pid, it) -> {
            WorkerContexts.Context c = WorkerContexts.get(settings, pid);
            ParameterVector.setValues(c.net().parameters(), params.value()[0]);
            ParameterVector.setValues(c.net().buffers(), params.value()[1]);
            return List.of(Evaluator.accumulate(c.net(), it.next(), c.cfg().evalBatchSize(), c.cfg().engine())).iterator();
        }, true).treeAggregate(zero, MetricsAccumulator::merge, MetricsAccumulator::merge, 2);
        params.destroy();
        return sum;
    }
}
