package org.firstspike.jobs.ml;

import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;
import org.firstspike.core.config.Settings;

/**
 * The params of {@link TtfsClassifier} and of the {@link TtfsClassificationModel} it fits (a model carries the values
 * it was fit with, as Spark ML models do). The typed params name the common FirstSpike keys and default to the
 * schema's defaults; {@code settings} takes any other key ({@link FitSettings} combines them).
 *
 * <p>Spark finds params by reflection over public no-arg methods returning a {@link Param} and tells params apart by
 * (parent uid, name), so each method builds its param afresh: an interface holds no fields, and one definition then
 * serves both stages.
 *
 * @param <S> the implementing stage, which the setters return
 */
public interface TtfsParams<S extends TtfsParams<S>> extends Params {

    default Param<String> featuresCol() {
        return new Param<>(this, "featuresCol", "input column: a Vector of the model's sample length per row (e.g. 784 "
                + "intensities in [0,1] for model.input 1x28x28)");
    }

    default Param<String> labelCol() {
        return new Param<>(this, "labelCol", "label column for fit: a class index 0..classes-1 (numeric)");
    }

    default Param<String> predictionCol() {
        return new Param<>(this, "predictionCol", "output column: the predicted class index (double); empty for none");
    }

    default Param<String> probabilityCol() {
        return new Param<>(this, "probabilityCol", "output column: softmax of the logits (Vector); empty for none");
    }

    default Param<String> rawPredictionCol() {
        return new Param<>(this, "rawPredictionCol", "output column: the network's logits (Vector); empty for none");
    }

    default Param<String> family() {
        return new Param<>(this, "family", "model.family: ettfs, b1 or relu");
    }

    default Param<String> layers() {
        return new Param<>(this, "layers", "model.layers, e.g. FC800-FC10 or 32C3P1-AP2-FC128-FC10");
    }

    default Param<String> inputShape() {
        return new Param<>(this, "inputShape", "model.input: CxHxW of one sample, e.g. 1x28x28");
    }

    default IntParam classes() {
        return new IntParam(this, "classes", "model.classes (>= 2)", ParamValidators.gtEq(2));
    }

    default IntParam timeSteps() {
        return new IntParam(this, "timeSteps", "model.timeSteps: T of the ETTFS family (>= 1)", ParamValidators.gtEq(1));
    }

    default IntParam epochs() {
        return new IntParam(this, "epochs", "train.epochs (>= 1)", ParamValidators.gtEq(1));
    }

    default IntParam batchSize() {
        return new IntParam(this, "batchSize", "train.batchSize: the global minibatch, shared by the workers (>= 1)",
                ParamValidators.gtEq(1));
    }

    default DoubleParam learningRate() {
        return new DoubleParam(this, "learningRate", "train.lr: the peak learning rate (> 0)", ParamValidators.gt(0));
    }

    default IntParam workers() {
        return new IntParam(this, "workers", "train.workers: W, partitions trained in parallel (0 = Spark's default "
                + "parallelism)", ParamValidators.gtEq(0));
    }

    default LongParam seed() {
        return new LongParam(this, "seed", "train.seed: initial weights and sample orders");
    }

    default StringArrayParam settings() {
        return new StringArrayParam(this, "settings", "further FirstSpike config overrides, key=value (any key of "
                + "docs/CONFIG.md not covered by a typed param)");
    }

    /** The validated FirstSpike settings of a fit with these params (for a model: the fit that made it). */
    default Settings fitSettings() {
        return FitSettings.of(this);
    }

    default String getFeaturesCol() { return getOrDefault(featuresCol()); }

    default String getLabelCol() { return getOrDefault(labelCol()); }

    default String getPredictionCol() { return getOrDefault(predictionCol()); }

    default String getProbabilityCol() { return getOrDefault(probabilityCol()); }

    default String getRawPredictionCol() { return getOrDefault(rawPredictionCol()); }

    default String getFamily() { return getOrDefault(family()); }

    default String getLayers() { return getOrDefault(layers()); }

    default String getInputShape() { return getOrDefault(inputShape()); }

    default int getClasses() { return (Integer) getOrDefault(classes()); }

    default int getTimeSteps() { return (Integer) getOrDefault(timeSteps()); }

    default int getEpochs() { return (Integer) getOrDefault(epochs()); }

    default int getBatchSize() { return (Integer) getOrDefault(batchSize()); }

    default double getLearningRate() { return (Double) getOrDefault(learningRate()); }

    default int getWorkers() { return (Integer) getOrDefault(workers()); }

    default long getSeed() { return (Long) getOrDefault(seed()); }

    default String[] getSettings() { return getOrDefault(settings()); }

    default S setFeaturesCol(String value) { return self(set(featuresCol(), value)); }

    default S setPredictionCol(String value) { return self(set(predictionCol(), value)); }

    default S setProbabilityCol(String value) { return self(set(probabilityCol(), value)); }

    default S setRawPredictionCol(String value) { return self(set(rawPredictionCol(), value)); }

    @SuppressWarnings("unchecked")
    private S self(Params set) {
        return (S) set;
    }
}
