package org.firstspike.jobs;

import static org.firstspike.prep.tensor.TensorColumns.DATA;
import static org.firstspike.prep.tensor.TensorColumns.DTYPE;
import static org.firstspike.prep.tensor.TensorColumns.ENCODING;
import static org.firstspike.prep.tensor.TensorColumns.LABEL;
import static org.firstspike.prep.tensor.TensorColumns.SHAPE;
import static org.firstspike.prep.tensor.TensorColumns.SOURCE;
import static org.firstspike.prep.tensor.TensorColumns.SOURCE_INDEX;
import static org.firstspike.prep.tensor.TensorColumns.TIME_STEPS;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.firstspike.prep.tensor.DType;
import org.firstspike.prep.tensor.TensorSamples;
import scala.Tuple2;

/**
 * A split of a prepared dataset spread over W partitions, one {@link TensorSamples} per partition, cached. Samples
 * are numbered in dataset order (source, then position in the source: the order prep wrote and the local trainer
 * reads) and sample i goes to partition i mod W, in order: the partitions depend only on the data and W, so a lost
 * partition is recomputed identically. Or a split whole on the driver, for jobs that share it ({@link #onDriver}).
 */
public final class PartitionedSamples {
    private PartitionedSamples() {}

    /**
     * The first {@code limit} samples of a split (all for 0) in dataset order, as one sample set on the driver: for jobs
     * that share a split whole (a sweep broadcasts it). Sorting with a limit takes the top rows of each file, without
     * the shuffles of partitioning.
     */
    static TensorSamples onDriver(SparkSession spark, String path, int limit) {
        Dataset<Row> ordered = inDatasetOrder(spark, path);
        return samples((limit > 0 ? ordered.limit(limit) : ordered).collectAsList().iterator());
    }

    /**
     * The rows of a prepared split with the columns {@link #samples} reads, in dataset order (by source, then position
     * in the source): the order training, evaluation and prediction number samples in.
     */
    static Dataset<Row> inDatasetOrder(SparkSession spark, String path) {
        return spark.read().parquet(path)
                .select(SOURCE, SOURCE_INDEX, LABEL, DTYPE, DATA, SHAPE, ENCODING, TIME_STEPS).orderBy(SOURCE, SOURCE_INDEX);
    }

    static JavaRDD<TensorSamples> load(SparkSession spark, String path, int workers, int limit) {
        return spread(inDatasetOrder(spark, path).javaRDD(), workers, limit)
                .values()
                .mapPartitions(rows -> List.of(samples(rows)).iterator(), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * The first {@code limit} elements (all for 0), numbered in their order, with element i in partition i mod W and
     * each partition in number order: what a caller packs into one sample set per partition.
     */
    public static <T> JavaPairRDD<Long, T> spread(JavaRDD<T> ordered, int workers, int limit) {
        return ordered.zipWithIndex()
                .filter(t -> limit <= 0 || t._2() < limit)
                .mapToPair(t -> new Tuple2<>(t._2(), t._1()))
                .repartitionAndSortWithinPartitions(new ModuloPartitioner(workers));
    }

    /** Rows of a prepared split (the columns {@link #inDatasetOrder} selects) as one sample set. */
    static TensorSamples samples(Iterator<Row> rows) {
        List<byte[]> data = new ArrayList<>();
        List<DType> types = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        String encoding = "frames";
        int elements = 0, timeSteps = 1;
        while (rows.hasNext()) {
            Row r = rows.next();
            data.add(r.getAs(DATA));
            types.add(DType.ofNumpy(r.getAs(DTYPE)));
            labels.add(r.<Integer>getAs(LABEL));
            encoding = r.getAs(ENCODING);
            timeSteps = r.<Integer>getAs(TIME_STEPS);
            List<Integer> shape = r.getList(r.fieldIndex(SHAPE));
            elements = shape.stream().reduce(1, (x, y) -> x * y);
        }
        return new TensorSamples(data, types.toArray(DType[]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                encoding, elements, timeSteps);
    }
}
