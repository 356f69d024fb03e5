package org.firstspike.jobs.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
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
import org.firstspike.core.net.ParameterVector;
import org.firstspike.prep.job.Sessions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark ML estimator and model on local[2]: Pipeline, CrossValidator, persistence, and input errors. */
class TtfsClassifierTest {
    private static final StructType SCHEMA = new StructType()
            .add("features", SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false);

    static SparkSession spark;
    static Dataset<Row> train;
    static Dataset<Row> test;

    @BeforeAll
    static void start() {
        System.setProperty("spark.master", "local[2]");
        spark = Sessions.get("TtfsClassifierTest");
        train = halves(400, 1, 16);
        test = halves(200, 2, 16);
    }

    /**
     * 4x4 images, class 0 bright in the top half and class 1 in the bottom half, with noise on every pixel: learnable
     * by a small network, not by a constant.
     */
    static Dataset<Row> halves(int rows, long seed, int length) {
        Random random = new Random(seed);
        List<Row> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int label = random.nextInt(2);
            double[] pixels = new double[length];
            for (int p = 0; p < length; p++) {
                boolean top = p < length / 2;
                double base = top == (label == 0) ? 0.8 : 0.15;
                pixels[p] = Math.min(1, Math.max(0, base + 0.15 * random.nextGaussian()));
            }
            list.add(RowFactory.create(Vectors.dense(pixels), (double) label));
        }
        return spark.createDataFrame(list, SCHEMA);
    }

    static TtfsClassifier smallNet() {
        return new TtfsClassifier().setInputShape("1x4x4").setLayers("FC12-FC2").setClasses(2).setEpochs(3).setBatchSize(16)
                .setWorkers(2).setSettings("train.averagingFrequency=4");
    }

    @Test
    void crossValidatedPipelinePicksAGoodModelThatSavesAndLoadsExactly(@TempDir Path tmp) throws IOException {
        TtfsClassifier clf = smallNet();
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {clf});
        ParamMap[] grid = new ParamGridBuilder().addGrid(clf.learningRate(), new double[] {1e-5, 1e-2}).build();
        MulticlassClassificationEvaluator accuracy = new MulticlassClassificationEvaluator().setMetricName("accuracy");
        CrossValidator cv = new CrossValidator().setEstimator(pipeline).setEstimatorParamMaps(grid).setEvaluator(accuracy)
                .setNumFolds(2).setSeed(7);
        CrossValidatorModel cvModel = cv.fit(train);

        // the chosen params are those of the best average metric, and the fitted model carries them
        double[] metrics = cvModel.avgMetrics();
        assertEquals(2, metrics.length);
        int best = metrics[0] >= metrics[1] ? 0 : 1;
        double chosenRate = (Double) cvModel.getEstimatorParamMaps()[best].apply(clf.learningRate());
        assertEquals(1e-2, chosenRate, "1e-5 barely moves the weights in 3 epochs: " + java.util.Arrays.toString(metrics));
        PipelineModel bestPipeline = (PipelineModel) cvModel.bestModel();
        TtfsClassificationModel model = (TtfsClassificationModel) bestPipeline.stages()[0];
        assertEquals(chosenRate, model.getLearningRate());
        assertEquals(Double.toString(chosenRate), model.fitSettings().get("train.lr"));
        assertEquals(2, model.numClasses());
        assertEquals(16, model.numFeatures());
        assertEquals("2", model.contents().metadata().get("workers"));

        Dataset<Row> predicted = cvModel.transform(test);
        double heldOut = accuracy.evaluate(predicted);
        assertTrue(heldOut > 0.8, "held-out accuracy " + heldOut + ", CV metrics " + java.util.Arrays.toString(metrics));

        String cvPath = tmp.resolve("cv").toString();
        String pipelinePath = tmp.resolve("pipeline").toString();
        cvModel.write().save(cvPath);
        bestPipeline.write().save(pipelinePath);
        assertTrue(Files.isRegularFile(tmp.resolve("pipeline/stages/0_" + model.uid() + "/data/model.fspk")));
        assertSameRows(predicted, CrossValidatorModel.load(cvPath).transform(test));
        assertSameRows(predicted, PipelineModel.load(pipelinePath).transform(test));
        assertEquals(chosenRate, ((TtfsClassificationModel) PipelineModel.load(pipelinePath).stages()[0]).getLearningRate());
    }

    private static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
        List<Row> a = expected.select("label", "prediction", "probability", "rawPrediction").collectAsList();
        List<Row> b = actual.select("label", "prediction", "probability", "rawPrediction").collectAsList();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).getDouble(0), b.get(i).getDouble(0), "row " + i);
            assertEquals(a.get(i).getDouble(1), b.get(i).getDouble(1), "prediction of row " + i);
            assertArrayEquals(((Vector) a.get(i).get(2)).toArray(), ((Vector) b.get(i).get(2)).toArray(), 0, "probability of row " + i);
            assertArrayEquals(((Vector) a.get(i).get(3)).toArray(), ((Vector) b.get(i).get(3)).toArray(), 0, "rawPrediction of row " + i);
        }
    }

    @Test
    void fitIsRepeatableAndPredictionsAreTheArgmaxOfSoftmaxedLogits() {
        TtfsClassificationModel model = smallNet().setLearningRate(1e-2).fit(train);
        TtfsClassificationModel again = smallNet().setLearningRate(1e-2).fit(train);
        assertArrayEquals(ParameterVector.values(model.network().parameters()), ParameterVector.values(again.network().parameters()), 0f);
        for (Row r : model.transform(test).select("prediction", "probability", "rawPrediction").collectAsList()) {
            double[] p = ((Vector) r.get(1)).toArray();
            double[] z = ((Vector) r.get(2)).toArray();
            assertEquals(1, p[0] + p[1], 1e-12);
            assertEquals(1 / (1 + Math.exp(z[1] - z[0])), p[0], 1e-12);
            if (z[0] != z[1]) assertEquals(z[0] > z[1] ? 0.0 : 1.0, r.getDouble(0));
        }
    }

    @Test
    void unfittedEstimatorSavesAndLoadsItsParams(@TempDir Path tmp) throws IOException {
        TtfsClassifier clf = smallNet().setLearningRate(0.003).setSeed(5).setFamily("b1");
        clf.write().save(tmp.resolve("clf").toString());
        TtfsClassifier loaded = TtfsClassifier.load(tmp.resolve("clf").toString());
        assertEquals(clf.uid(), loaded.uid());
        assertEquals("FC12-FC2", loaded.getLayers());
        assertEquals("1x4x4", loaded.getInputShape());
        assertEquals("b1", loaded.getFamily());
        assertEquals(0.003, loaded.getLearningRate());
        assertEquals(5L, loaded.getSeed());
        assertEquals(2, loaded.getWorkers());
        assertArrayEquals(new String[] {"train.averagingFrequency=4"}, loaded.getSettings());
        assertEquals(clf.fitSettings().values(), loaded.fitSettings().values());
    }

    @Test
    void badInputsFailWithTheColumnNamed() {
        TtfsClassifier clf = smallNet();
        IllegalArgumentException shortVectors = assertThrows(IllegalArgumentException.class, () -> clf.fit(halves(50, 3, 15)));
        assertTrue(shortVectors.getMessage().contains("featuresCol 'features'") && shortVectors.getMessage().contains("15 values"),
                shortVectors.getMessage());

        Dataset<Row> threeClasses = spark.createDataFrame(List.of(
                RowFactory.create(Vectors.dense(new double[16]), 0.0), RowFactory.create(Vectors.dense(new double[16]), 2.0)), SCHEMA);
        IllegalArgumentException badLabel = assertThrows(IllegalArgumentException.class, () -> clf.fit(threeClasses));
        assertTrue(badLabel.getMessage().contains("labelCol 'label'") && badLabel.getMessage().contains("0..1"), badLabel.getMessage());

        IllegalArgumentException noColumn = assertThrows(IllegalArgumentException.class,
                () -> clf.copy(ParamMap.empty()).setFeaturesCol("pixels").fit(train));
        assertTrue(noColumn.getMessage().contains("featuresCol 'pixels'"), noColumn.getMessage());

        IllegalArgumentException owned = assertThrows(IllegalArgumentException.class,
                () -> smallNet().setSettings("train.lr=0.1").fit(train));
        assertTrue(owned.getMessage().contains("learningRate"), owned.getMessage());

        IllegalArgumentException badLayers = assertThrows(IllegalArgumentException.class,
                () -> smallNet().setLayers("FC12-FC3").fit(train));
        assertTrue(badLayers.getMessage().contains("model.classes") || badLayers.getMessage().contains("FC3"), badLayers.getMessage());
    }
}
