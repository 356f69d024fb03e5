package org.firstspike.jobs.ml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.firstspike.core.exec.ComputeThreads;
import org.firstspike.core.io.ModelContents;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.layer.Engine;
import org.firstspike.core.net.BatchOutput;
import org.firstspike.core.net.Network;

/**
 * Appends a trained network's predictions to the rows of a partition: rows are read in batches, each batch is one
 * forward pass, and the rows come out in their order with the logits, their softmax and the predicted class appended
 * (each only when its column is wanted). The network is rebuilt once per partition from the broadcast model.
 */
final class BatchPredictor implements MapPartitionsFunction<Row, Row> {
    private static final int BATCH = 256;

    private final Broadcast<ModelContents> model;
    private final int featuresIndex;
    private final String featuresCol;
    private final boolean raw;
    private final boolean probability;
    private final boolean prediction;

    BatchPredictor(Broadcast<ModelContents> model, int featuresIndex, String featuresCol, boolean raw, boolean probability,
                   boolean prediction) {
        this.model = model;
        this.featuresIndex = featuresIndex;
        this.featuresCol = featuresCol;
        this.raw = raw;
        this.probability = probability;
        this.prediction = prediction;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        // one core per task, as in training: W tasks on W cores never oversubscribe
        ComputeThreads.use(1);
        Network net = ModelIO.network(model.value(), "the broadcast model");
        ArrayDeque<Row> ready = new ArrayDeque<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (ready.isEmpty() && rows.hasNext()) predictBatch(net, rows, ready);
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                return ready.poll();
            }
        };
    }

    private void predictBatch(Network net, Iterator<Row> rows, ArrayDeque<Row> ready) {
        int length = net.sampleLength();
        List<Row> batch = new ArrayList<>(BATCH);
        float[] samples = new float[BATCH * length];
        while (batch.size() < BATCH && rows.hasNext()) {
            Row r = rows.next();
            FeatureVectors.copy(r.get(featuresIndex), featuresCol, -1, length, samples, batch.size() * length);
            batch.add(r);
        }
        int n = batch.size();
        BatchOutput out = net.forward(n == BATCH ? samples : Arrays.copyOf(samples, n * length), n, null, Engine.FAST);
        int classes = out.logits().length / n;
        for (int i = 0; i < n; i++) {
            Row r = batch.get(i);
            double[] logits = new double[classes];
            for (int k = 0; k < classes; k++) logits[k] = out.logits()[i * classes + k];
            List<Object> values = new ArrayList<>(r.length() + 3);
            for (int c = 0; c < r.length(); c++) values.add(r.get(c));
            if (raw) values.add(Vectors.dense(logits));
            if (probability) values.add(Vectors.dense(softmax(logits)));
            if (prediction) values.add((double) out.predictions()[i]);
            ready.add(RowFactory.create(values.toArray()));
        }
    }

    /** exp(z - max) / sum: the largest logit is subtracted so no exponent overflows. */
    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) max = Math.max(max, z);
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < p.length; k++) sum += p[k] = Math.exp(logits[k] - max);
        for (int k = 0; k < p.length; k++) p[k] /= sum;
        return p;
    }
}
