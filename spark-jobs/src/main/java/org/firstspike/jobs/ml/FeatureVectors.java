package org.firstspike.jobs.ml;

import org.apache.spark.ml.linalg.Vector;

/** Reads the features and labels of DataFrame rows into the network's float batches, with messages naming the column. */
final class FeatureVectors {
    private FeatureVectors() {}

    /**
     * Copies one row's feature vector (of {@code length} values) into {@code dst} at {@code offset}.
     *
     * @param row the row's number in DataFrame order for messages, or -1 when unknown
     */
    static void copy(Object features, String column, long row, int length, float[] dst, int offset) {
        if (!(features instanceof Vector v))
            throw new IllegalArgumentException("featuresCol '" + column + "': " + where(row) + " holds "
                    + (features == null ? "null" : "a " + features.getClass().getSimpleName()) + "; expected a Vector of " + length + " values");
        if (v.size() != length)
            throw new IllegalArgumentException("featuresCol '" + column + "': " + where(row) + " has " + v.size()
                    + " values; the model reads " + length + " per sample");
        for (int i = 0; i < length; i++) dst[offset + i] = (float) v.apply(i);
    }

    /** One row's label as a class index, which must be a whole number in 0..classes-1. */
    static int label(Object label, String column, long row, int classes) {
        double d = label instanceof Number n ? n.doubleValue() : Double.NaN;
        if (!(d >= 0 && d < classes && d == Math.rint(d)))
            throw new IllegalArgumentException("labelCol '" + column + "': " + where(row) + " holds " + label
                    + "; expected a class index 0.." + (classes - 1) + " (classes = " + classes + ")");
        return (int) d;
    }

    private static String where(long row) {
        return row >= 0 ? "row " + row : "a row";
    }
}
