package org.firstspike.jobs.ml;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.firstspike.core.data.FloatSamples;
import org.firstspike.jobs.PartitionedSamples;
import scala.Tuple2;

/**
 * The (features, label) rows of a DataFrame as training data for the round loop: one {@link FloatSamples} per
 * partition, W partitions, row i (in the DataFrame's order) in partition i mod W, cached. The layout is the one
 * {@code firstspike train} gives a prepared dataset, so the same rows train the same way.
 */
final class LabeledVectors {
    private LabeledVectors() {}

    /** Every row is checked as it is packed: a bad one fails the job with a message naming its column and number. */
    static JavaRDD<FloatSamples> partition(Dataset<?> data, String featuresCol, String labelCol, int workers, int length,
                                           int classes) {
        JavaRDD<Row> rows = data.select(featuresCol, labelCol).javaRDD();
        return PartitionedSamples.spread(rows, workers, 0).mapPartitions(it -> {
            List<Tuple2<Long, Row>> part = new ArrayList<>();
            it.forEachRemaining(part::add);
            float[] values = new float[part.size() * length];
            int[] labels = new int[part.size()];
            for (int i = 0; i < part.size(); i++) {
                long row = part.get(i)._1();
                Row r = part.get(i)._2();
                FeatureVectors.copy(r.get(0), featuresCol, row, length, values, i * length);
                labels[i] = FeatureVectors.label(r.get(1), labelCol, row, classes);
            }
            return List.of(new FloatSamples(values, labels, length)).iterator();
        }, true).persist(StorageLevel.MEMORY_AND_DISK());
    }
}
