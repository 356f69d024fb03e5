package org.firstspike.jobs.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.CrossValidatorModel;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.firstspike.core.cli.Args;
import org.firstspike.core.cli.CommandLine;
import org.firstspike.core.data.DatasetSplit;
import org.firstspike.core.data.Datasets;
import org.firstspike.core.data.SampleSet;
import org.firstspike.prep.job.HadoopFiles;
import org.firstspike.prep.job.Sessions;

/**
 * {@code firstspike ml-example}: the Spark ML API end to end. Reads a dataset (IDX files or a folder written by
 * prep-images) into DataFrames of (features Vector, label), fits a Pipeline holding a {@link TtfsClassifier} under
 * CrossValidator over learning rates, evaluates the chosen model on held-out rows, saves the CrossValidatorModel,
 * loads it back and checks that the loaded model predicts exactly the same. Prints a JSON summary.
 */
public final class MlExample {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StructType SCHEMA = new StructType()
            .add("features", SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false);

    private MlExample() {}

    public static void main(String[] argv) {
        CommandLine.run("ml-example", () -> System.out.println(JSON.writeValueAsString(run(argv))));
    }

    public static ObjectNode run(String[] argv) throws IOException {
        Args args = Args.parse(argv, Set.of("--data", "--train-limit", "--test-limit", "--epochs", "--layers", "--rates",
                "--folds", "--out"), Set.of());
        Path dir = Path.of(args.get("--data", "/usr/share/datasets/fashion-mnist"));
        int trainLimit = Integer.parseInt(args.get("--train-limit", "2000"));
        int testLimit = Integer.parseInt(args.get("--test-limit", "500"));
        double[] rates = Arrays.stream(args.get("--rates", "0.001,0.005").split(",")).mapToDouble(Double::parseDouble).toArray();
        String out = HadoopFiles.qualify(args.get("--out",
                "runs/ml-example-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
        DatasetSplit trainSplit = Datasets.formatOf(dir).load(dir, "train", trainLimit);
        DatasetSplit testSplit = Datasets.formatOf(dir).load(dir, "test", testLimit);

        TtfsClassifier clf = new TtfsClassifier()
                .setInputShape(trainSplit.shape().toString())
                .setLayers(args.get("--layers", "FC128-FC10"))
                .setEpochs(Integer.parseInt(args.get("--epochs", "3")))
                .setSettings(args.sets().toArray(String[]::new));
        clf.fitSettings();  // bad options fail here, before Spark starts

        SparkSession spark = Sessions.get("firstspike ml-example");
        Dataset<Row> train = frame(spark, trainSplit.samples()).cache();
        Dataset<Row> test = frame(spark, testSplit.samples()).cache();
        ParamMap[] grid = new ParamGridBuilder().addGrid(clf.learningRate(), rates).build();
        MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy");
        CrossValidator cv = new CrossValidator()
                .setEstimator(new Pipeline().setStages(new PipelineStage[] {clf}))
                .setEstimatorParamMaps(grid)
                .setEvaluator(accuracy)
                .setNumFolds(Integer.parseInt(args.get("--folds", "2")));
        System.err.printf("ml-example: %d train rows, %d test rows of %d values from %s; %s, %d-fold cross-validation over "
                + "learning rates %s%n", train.count(), test.count(), trainSplit.sampleLength(), dir, clf.getLayers(),
                cv.getNumFolds(), Arrays.toString(rates));

        long start = System.nanoTime();
        CrossValidatorModel model = cv.fit(train);
        double seconds = (System.nanoTime() - start) / 1e9;
        Dataset<Row> predicted = model.transform(test).cache();
        double heldOut = accuracy.evaluate(predicted);
        model.write().overwrite().save(out);
        long differing = differing(predicted, CrossValidatorModel.load(out).transform(test));
        if (differing > 0) throw new IllegalStateException(differing + " rows predicted differently after loading " + out);

        ObjectNode summary = JSON.createObjectNode();
        summary.put("train_rows", train.count());
        summary.put("test_rows", test.count());
        summary.put("layers", clf.getLayers());
        ObjectNode cvAccuracy = summary.putObject("cv_accuracy_by_learning_rate");
        for (int i = 0; i < rates.length; i++) cvAccuracy.put(Double.toString(rates[i]), model.avgMetrics()[i]);
        TtfsClassificationModel chosen = (TtfsClassificationModel) ((PipelineModel) model.bestModel()).stages()[0];
        summary.put("chosen_learning_rate", chosen.getLearningRate());
        summary.put("test_accuracy", heldOut);
        summary.put("fit_seconds", seconds);
        summary.put("saved", out);
        summary.put("reloaded_predictions_identical", true);
        return summary;
    }

    /** The samples as rows of (features, label); the dataset's own decoding gives the floats the network reads. */
    private static Dataset<Row> frame(SparkSession spark, SampleSet samples) {
        List<Row> rows = new ArrayList<>(samples.size());
        float[] sample = new float[samples.sampleLength()];
        for (int i = 0; i < samples.size(); i++) {
            samples.copySample(i, sample, 0);
            double[] features = new double[sample.length];
            for (int j = 0; j < sample.length; j++) features[j] = sample[j];
            rows.add(RowFactory.create(Vectors.dense(features), (double) samples.label(i)));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static long differing(Dataset<Row> a, Dataset<Row> b) {
        List<Row> x = a.select("prediction", "probability", "rawPrediction").collectAsList();
        List<Row> y = b.select("prediction", "probability", "rawPrediction").collectAsList();
        long n = 0;
        for (int i = 0; i < x.size(); i++) if (!x.get(i).equals(y.get(i))) n++;
        return n;
    }
}
