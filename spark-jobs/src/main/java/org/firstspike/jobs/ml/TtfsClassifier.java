package org.firstspike.jobs.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;
import org.firstspike.core.config.ModelConfigs;
import org.firstspike.core.config.Settings;
import org.firstspike.core.data.FloatSamples;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.net.Network;
import org.firstspike.core.train.AveragingConfig;
import org.firstspike.core.train.Checkpoint;
import org.firstspike.core.train.TrainConfig;
import org.firstspike.jobs.AveragingRounds;

/**
 * A Spark ML estimator of TTFS spiking classifiers: {@link #fit} trains a FirstSpike network on the (features, label)
 * rows of a DataFrame by parameter averaging over W partitions, with the round loop of {@code firstspike train}, and
 * returns a {@link TtfsClassificationModel}. Works inside a Pipeline and under CrossValidator / TrainValidationSplit.
 * See docs/SPARK_ML.md.
 */
public final class TtfsClassifier extends Estimator<TtfsClassificationModel>
        implements TtfsParams<TtfsClassifier>, DefaultParamsWritable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String uid;

    public TtfsClassifier(String uid) {
        this.uid = uid;
        FitSettings.setDefaults(this);
    }

    public TtfsClassifier() {
        this(Identifiable.randomUID("ttfs"));
    }

    @Override
    public String uid() {
        return uid;
    }

    public TtfsClassifier setLabelCol(String value) { return (TtfsClassifier) set(labelCol(), value); }

    public TtfsClassifier setFamily(String value) { return (TtfsClassifier) set(family(), value); }

    public TtfsClassifier setLayers(String value) { return (TtfsClassifier) set(layers(), value); }

    public TtfsClassifier setInputShape(String value) { return (TtfsClassifier) set(inputShape(), value); }

    public TtfsClassifier setClasses(int value) { return (TtfsClassifier) set(classes(), value); }

    public TtfsClassifier setTimeSteps(int value) { return (TtfsClassifier) set(timeSteps(), value); }

    public TtfsClassifier setEpochs(int value) { return (TtfsClassifier) set(epochs(), value); }

    public TtfsClassifier setBatchSize(int value) { return (TtfsClassifier) set(batchSize(), value); }

    public TtfsClassifier setLearningRate(double value) { return (TtfsClassifier) set(learningRate(), value); }

    public TtfsClassifier setWorkers(int value) { return (TtfsClassifier) set(workers(), value); }

    public TtfsClassifier setSeed(long value) { return (TtfsClassifier) set(seed(), value); }

    /** FirstSpike {@code key=value} overrides for keys without a typed param (e.g. "train.averagingFrequency=4"). */
    public TtfsClassifier setSettings(String... entries) { return (TtfsClassifier) set(settings(), entries); }

    @Override
    public StructType transformSchema(StructType schema) {
        return TtfsSchema.validateAndTransform(this, schema, true);
    }

    @Override
    public TtfsClassificationModel fit(Dataset<?> dataset) {
        // everything that can be checked without the data is checked before any Spark work
        Settings settings = fitSettings();
        transformSchema(dataset.schema());
        TrainConfig train = TrainConfig.from(settings);
        Network net;
        try {
            net = Network.create(ModelConfigs.from(settings), train.seed());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(uid + ": " + e.getMessage(), e);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        int workers = AveragingRounds.workers(jsc, AveragingConfig.from(settings));
        JavaRDD<FloatSamples> samples = LabeledVectors.partition(dataset, getFeaturesCol(), getLabelCol(), workers,
                net.sampleLength(), net.config().classes());
        List<String> metrics = new ArrayList<>();
        try {
            AveragingRounds rounds = plan(jsc, samples, settings, net);
            Checkpoint last = rounds.run(rounds.fresh(), metrics);
            last.state().applyModel(net);
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // only a run directory is written, and a fit has none
        } finally {
            samples.unpersist(false);
        }
        TtfsClassificationModel model = new TtfsClassificationModel(uid, ModelIO.contents(net, settings, facts(workers, metrics)));
        return copyValues(model, ParamMap.empty()).setParent(this);
    }

    /**
     * The rounds over the packed rows. Packing is the first job over the data, so a bad row fails here: its message
     * (naming the column and row) comes back as the IllegalArgumentException it was, not wrapped in Spark's.
     */
    private static AveragingRounds plan(JavaSparkContext jsc, JavaRDD<FloatSamples> samples, Settings settings, Network net) {
        try {
            return AveragingRounds.plan(jsc, samples, "the training DataFrame", null, settings, net, null);
        } catch (Exception e) {  // SparkException is checked but thrown undeclared through the Java API
            for (Throwable c = e.getCause(); c != null; c = c.getCause())
                if (c instanceof IllegalArgumentException user) throw new IllegalArgumentException(user.getMessage(), e);
            if (e instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** What the model file's metadata records about the fit: W and the last epoch's training loss and accuracy. */
    private Map<String, String> facts(int workers, List<String> metrics) {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("trained_by", "org.firstspike.jobs.ml.TtfsClassifier " + uid);
        meta.put("epochs", Integer.toString(getEpochs()));
        meta.put("workers", Integer.toString(workers));
        try {
            var last = JSON.readTree(metrics.get(metrics.size() - 1));
            meta.put("train_loss", last.get("train_loss").asText());
            meta.put("train_accuracy", last.get("train_accuracy").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return meta;
    }

    @Override
    public TtfsClassifier copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<TtfsClassifier> read() {
        return new DefaultParamsReader<>();
    }

    public static TtfsClassifier load(String path) {
        return read().load(path);
    }
}
