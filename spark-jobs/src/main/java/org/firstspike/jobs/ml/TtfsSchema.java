package org.firstspike.jobs.ml;

import java.util.Arrays;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * The column contract of both stages: a Vector features column (and a numeric label column to fit) in; the
 * prediction (double), rawPrediction (logits) and probability (softmax) columns out, each unless its name is empty.
 */
final class TtfsSchema {
    private TtfsSchema() {}

    static StructType validateAndTransform(TtfsParams<?> p, StructType schema, boolean fitting) {
        String features = p.getFeaturesCol();
        if (!Arrays.asList(schema.fieldNames()).contains(features))
            throw new IllegalArgumentException("featuresCol '" + features + "' is not a column of " + schema.simpleString());
        if (!schema.apply(features).dataType().equals(SQLDataTypes.VectorType()))
            throw new IllegalArgumentException("featuresCol '" + features + "' is " + schema.apply(features).dataType().simpleString()
                    + "; expected an org.apache.spark.ml.linalg.Vector column (e.g. from VectorAssembler)");
        if (fitting) {
            String label = p.getLabelCol();
            if (!Arrays.asList(schema.fieldNames()).contains(label))
                throw new IllegalArgumentException("labelCol '" + label + "' is not a column of " + schema.simpleString());
            if (!(schema.apply(label).dataType() instanceof NumericType))
                throw new IllegalArgumentException("labelCol '" + label + "' is " + schema.apply(label).dataType().simpleString()
                        + "; expected a numeric class index");
        }
        StructType out = schema;
        out = withOutput(out, "rawPredictionCol", p.getRawPredictionCol(), true);
        out = withOutput(out, "probabilityCol", p.getProbabilityCol(), true);
        return withOutput(out, "predictionCol", p.getPredictionCol(), false);
    }

    private static StructType withOutput(StructType schema, String param, String name, boolean vector) {
        if (name.isEmpty()) return schema;
        if (Arrays.asList(schema.fieldNames()).contains(name))
            throw new IllegalArgumentException(param + " '" + name + "' is a column already; choose another name");
        return schema.add(name, vector ? SQLDataTypes.VectorType() : DataTypes.DoubleType, false);
    }
}
