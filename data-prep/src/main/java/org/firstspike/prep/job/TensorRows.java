package org.firstspike.prep.job;

import static org.firstspike.prep.tensor.TensorColumns.*;

import java.util.Arrays;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.firstspike.prep.tensor.SampleRecord;

/** The Spark schema of a prepared dataset and the conversion of a {@link SampleRecord} into a row of it. */
public final class TensorRows {
    public static final StructType SCHEMA = new StructType(new StructField[] {
            DataTypes.createStructField(SAMPLE_ID, DataTypes.StringType, false),
            DataTypes.createStructField(SOURCE, DataTypes.StringType, false),
            DataTypes.createStructField(SOURCE_INDEX, DataTypes.IntegerType, false),
            DataTypes.createStructField(LABEL, DataTypes.IntegerType, false),
            DataTypes.createStructField(SPLIT, DataTypes.StringType, false),
            DataTypes.createStructField(SHAPE, DataTypes.createArrayType(DataTypes.IntegerType, false), false),
            DataTypes.createStructField(ENCODING, DataTypes.StringType, false),
            DataTypes.createStructField(TIME_STEPS, DataTypes.IntegerType, false),
            DataTypes.createStructField(DTYPE, DataTypes.StringType, false),
            DataTypes.createStructField(DATA, DataTypes.BinaryType, false),
            DataTypes.createStructField(EVENTS, DataTypes.LongType, false)});

    private TensorRows() {}

    public static Row toRow(SampleRecord r) {
        Integer[] shape = Arrays.stream(r.shape()).boxed().toArray(Integer[]::new);  // Spark encodes Java arrays, not java.util.List
        return RowFactory.create(r.sampleId(), r.source(), r.sourceIndex(), r.label(), r.split(),
                shape, r.encoding(), r.timeSteps(), r.dtype(), r.data(), r.events());
    }
}
