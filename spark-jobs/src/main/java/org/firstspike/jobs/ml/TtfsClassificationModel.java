package org.firstspike.jobs.ml;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.firstspike.core.io.ModelContents;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.net.Network;
import org.firstspike.jobs.RunDirectory;
import org.firstspike.prep.job.HadoopFiles;

/**
 * A trained TTFS network as a Spark ML model: {@link #transform} appends the logits (rawPrediction), their softmax
 * (probability) and the predicted class (prediction) for every row's feature vector. The network travels as the
 * contents of a FirstSpike model file (docs/MODEL_FORMAT.md): broadcast to the executors, and saved as
 * {@code <path>/data/model.fspk} beside Spark's params metadata, so {@code firstspike eval} can read it too.
 */
public final class TtfsClassificationModel extends Model<TtfsClassificationModel>
        implements TtfsParams<TtfsClassificationModel>, MLWritable {
    private static final String MODEL_FILE = "model.fspk";

    private final String uid;
    private final ModelContents contents;
    private transient Network network;

    public TtfsClassificationModel(String uid, ModelContents contents) {
        this.uid = uid;
        this.contents = contents;
        this.network = ModelIO.network(contents, uid);  // checks the tensors against the config once, on the driver
        FitSettings.setDefaults(this);
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The trained network (a driver-side copy: e.g. for local inference or its config). */
    public Network network() {
        if (network == null) network = ModelIO.network(contents, uid);
        return network;
    }

    /** What a FirstSpike model file of this network holds: model config, metadata (training facts) and tensors. */
    public ModelContents contents() {
        return contents;
    }

    public int numClasses() {
        return network().config().classes();
    }

    /** Values per feature vector. */
    public int numFeatures() {
        return network().sampleLength();
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return TtfsSchema.validateAndTransform(this, schema, false);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext());
        BatchPredictor predictor = new BatchPredictor(jsc.broadcast(contents), dataset.schema().fieldIndex(getFeaturesCol()),
                getFeaturesCol(), !getRawPredictionCol().isEmpty(), !getProbabilityCol().isEmpty(), !getPredictionCol().isEmpty());
        return dataset.toDF().mapPartitions(predictor, Encoders.row(out));
    }

    @Override
    public TtfsClassificationModel copy(ParamMap extra) {
        return copyValues(new TtfsClassificationModel(uid, contents), extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new Writer(this);
    }

    public static MLReader<TtfsClassificationModel> read() {
        return new Reader();
    }

    public static TtfsClassificationModel load(String path) {
        return read().load(path);
    }

    @Override
    public String toString() {
        return "TtfsClassificationModel: uid=" + uid + ", " + contents.config().get("model.family") + " "
                + contents.config().get("model.layers") + ", numClasses=" + numClasses() + ", numFeatures=" + numFeatures();
    }

    /** Where the model file of a model saved at {@code path} lives, on any Hadoop filesystem. */
    private static String dataDir(String path) throws IOException {
        return HadoopFiles.qualify(path + "/data");
    }

    /** Spark's params metadata at {@code path}, the network as a FirstSpike model file under it. */
    private static final class Writer extends MLWriter {
        private final TtfsClassificationModel model;

        Writer(TtfsClassificationModel model) {
            this.model = model;
        }

        @Override
        public void saveImpl(String path) {
            DefaultParamsWriter.saveMetadata(model, path, sparkSession());
            try {
                new RunDirectory(dataDir(path)).writeModel(MODEL_FILE, model.contents);
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": cannot write the model file: " + e.getMessage(), e);
            }
        }
    }

    private static final class Reader extends MLReader<TtfsClassificationModel> {
        @Override
        public TtfsClassificationModel load(String path) {
            DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sparkSession(),
                    TtfsClassificationModel.class.getName());
            try {
                ModelContents contents = RunDirectory.readModelFile(dataDir(path) + "/" + MODEL_FILE);
                TtfsClassificationModel model = new TtfsClassificationModel(metadata.uid(), contents);
                metadata.getAndSetParams(model, scala.Option.empty());
                return model;
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": cannot read the model file: " + e.getMessage(), e);
            }
        }
    }
}
