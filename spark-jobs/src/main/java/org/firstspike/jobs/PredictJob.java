package org.firstspike.jobs;

import static org.firstspike.prep.tensor.TensorColumns.SOURCE;
import static org.firstspike.prep.tensor.TensorColumns.SOURCE_INDEX;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.firstspike.core.cli.Args;
import org.firstspike.core.cli.CommandLine;
import org.firstspike.core.data.ImageSamples;
import org.firstspike.core.data.SampleFormat;
import org.firstspike.core.encode.InputEncoding;
import org.firstspike.core.exec.ComputeThreads;
import org.firstspike.core.io.IdxImages;
import org.firstspike.core.io.IdxReader;
import org.firstspike.core.io.ModelContents;
import org.firstspike.core.io.ModelIO;
import org.firstspike.core.layer.Shape;
import org.firstspike.core.net.Folding;
import org.firstspike.core.net.ModelConfig;
import org.firstspike.core.net.Network;
import org.firstspike.prep.job.HadoopFiles;
import org.firstspike.prep.job.PrepEventsJob;
import org.firstspike.prep.event.SensorSize;
import org.firstspike.prep.job.Sessions;
import org.firstspike.prep.recipe.EventRecipe;
import org.firstspike.prep.tensor.TensorSamples;
import scala.Tuple2;

/**
 * {@code firstspike predict} (spark-submit main class): a saved model's predictions, with their first-output-spike
 * steps, spikes and (event-driven engine) SynOps, one CSV row per sample, for a prepared dataset, raw IDX files, or
 * raw DVS recordings (binned first by prep-events into T = the model's frames). Every input is checked on the driver
 * before Spark work. Prints accuracy when labels are known and a summary JSON line on stdout.
 */
public final class PredictJob {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** prep-events options passed through with {@code --events}. */
    private static final Set<String> EVENT_OPTIONS = Set.of("--split-by", "--convention", "--polarity", "--downsample", "--denoise",
            "--crop", "--on-bad-input", "--orientation", "--test-per-class");

    private PredictJob() {}

    public static void main(String[] argv) {
        CommandLine.run("predict", () -> System.out.println(JSON.writeValueAsString(run(argv))));
    }

    /** What executors rebuild the predictor from: the model file's contents and the engine. */
    private record ModelState(ModelContents contents, boolean event) implements Serializable {
        SamplePredictor predictor() {
            ComputeThreads.use(1);  // one core per task
            return new SamplePredictor(Folding.forInference(ModelIO.network(contents, "the broadcast model")), event);
        }
    }

    /** A block of IDX images for one task: pixels of images first .. first + count - 1. */
    private record ImageBlock(long first, byte[] pixels, int[] labels) implements Serializable {}

    public static ObjectNode run(String[] argv) throws IOException {
        Set<String> valued = new HashSet<>(Set.of("--model", "--data", "--split", "--idx", "--labels", "--events", "--input",
                "--frames", "--out", "--engine", "--workers"));
        valued.addAll(EVENT_OPTIONS);
        Args args = Args.parse(argv, valued, Set.of());
        if (!args.has("--model") || !args.has("--out"))
            throw new IllegalArgumentException("--model FILE and --out FILE.csv are required, with one input: --data PREPARED_DIR, "
                    + "--idx IMAGES_FILE [--labels LABELS_FILE] or --events FORMAT --input DIR");
        int inputs = (args.has("--data") ? 1 : 0) + (args.has("--idx") ? 1 : 0) + (args.has("--events") ? 1 : 0);
        if (inputs != 1)
            throw new IllegalArgumentException("give exactly one input: --data PREPARED_DIR, --idx IMAGES_FILE or --events FORMAT --input DIR");
        if (args.has("--labels") && !args.has("--idx")) throw new IllegalArgumentException("--labels goes with --idx");
        if (args.has("--input") != args.has("--events")) throw new IllegalArgumentException("--events FORMAT and --input DIR go together");
        for (String o : EVENT_OPTIONS)
            if (args.has(o) && !args.has("--events")) throw new IllegalArgumentException(o + " is a prep-events option: it goes with --events");
        if (args.has("--frames")) throw new IllegalArgumentException("--frames: the model's T decides the frames of --events");
        String out = HadoopFiles.qualify(args.get("--out", null));
        if (!out.endsWith(".csv")) throw new IllegalArgumentException("--out " + args.get("--out", null) + ": expected a .csv file name");
        String engine = args.get("--engine", "event");
        if (!engine.equals("event") && !engine.equals("dense"))
            throw new IllegalArgumentException("--engine '" + engine + "': expected event or dense");
        if (args.has("--split") && args.has("--idx")) throw new IllegalArgumentException("--split applies to --data and --events, not --idx");
        if (args.has("--workers") && !args.has("--idx"))
            throw new IllegalArgumentException("--workers splits --idx images into tasks; prepared data keeps its Parquet partitions");
        int workers = args.has("--workers") ? positive(args.get("--workers", null), "--workers") : 0;
        String split = args.get("--split", "test");
        if (!split.equals("test") && !split.equals("train")) throw new IllegalArgumentException("--split '" + split + "': expected test or train");

        String modelUri = HadoopFiles.qualify(args.get("--model", null));
        ModelContents contents = RunDirectory.readModelFile(modelUri);
        Network net = ModelIO.network(contents, modelUri);
        ModelConfig model = net.config();
        ModelState state = new ModelState(contents, engine.equals("event"));
        new SamplePredictor(Folding.forInference(net), state.event());  // refuses what the event engine cannot run, before any work

        long start = System.nanoTime();
        List<Prediction> predictions;
        String inputName;
        if (args.has("--idx")) {
            String images = HadoopFiles.qualify(args.get("--idx", null));
            IdxImages idx = IdxReader.readImages(images, new ByteArrayInputStream(readExisting(images, "IDX images file")));
            int[] labels = null;
            if (args.has("--labels")) {
                String labelFile = HadoopFiles.qualify(args.get("--labels", null));
                labels = IdxReader.readLabels(labelFile, new ByteArrayInputStream(readExisting(labelFile, "IDX labels file")));
                if (labels.length != idx.count())
                    throw new IllegalArgumentException(labelFile + ": " + labels.length + " labels but " + images + " holds "
                            + idx.count() + " images; expected one label per image");
            }
            new SampleFormat(new Shape(1, idx.rows(), idx.cols()), java.util.EnumSet.of(InputEncoding.DIRECT, InputEncoding.LATENCY), 1,
                    images + " (IDX images)").checkCompatible(model.input(), model.dataEncoding(), model.timeSteps());
            inputName = images;
            predictions = predictImages(idx, labels, state, workers);
        } else {
            String data;
            java.nio.file.Path prepared = null;
            if (args.has("--events")) {
                if (model.dataEncoding() != InputEncoding.FRAMES)
                    throw new IllegalArgumentException("--events gives time-binned frames; the model reads model.encoding = "
                            + model.dataEncoding().name().toLowerCase() + " (expected frames)");
                prepared = Files.createTempDirectory("firstspike-predict-");
                data = prepareEvents(args, prepared, model);
                inputName = HadoopFiles.qualify(args.get("--input", null));
            } else {
                data = HadoopFiles.qualify(args.get("--data", null));
                inputName = data + "/" + split;
            }
            try {
                SampleFormat format = DatasetInfo.read(data);
                format.checkCompatible(model.input(), model.dataEncoding(), model.timeSteps());
                predictions = predictPrepared(data + "/" + split, state);
            } finally {
                if (prepared != null) HadoopFiles.delete(prepared.toUri().toString());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        predictions.sort(Comparator.comparingLong(Prediction::index));
        StringBuilder csv = new StringBuilder(Prediction.CSV_HEADER).append('\n');
        for (Prediction p : predictions) csv.append(p.csv()).append('\n');
        HadoopFiles.writeAtomically(out, csv.toString());
        return summary(modelUri, inputName, engine, out, predictions, seconds);
    }

    /** IDX images in {@code workers} blocks, one task each (0: Spark's default parallelism). */
    private static List<Prediction> predictImages(IdxImages idx, int[] labels, ModelState state, int workers) {
        SparkSession spark = Sessions.get("firstspike predict");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (workers == 0) workers = jsc.defaultParallelism();
        int size = idx.rows() * idx.cols();
        int per = Math.max(1, (idx.count() + workers - 1) / workers);
        List<ImageBlock> blocks = new ArrayList<>();
        for (int first = 0; first < idx.count(); first += per) {
            int n = Math.min(per, idx.count() - first);
            blocks.add(new ImageBlock(first, java.util.Arrays.copyOfRange(idx.pixels(), first * size, (first + n) * size),
                    labels == null ? new int[n] : java.util.Arrays.copyOfRange(labels, first, first + n)));
        }
        Broadcast<ModelState> model = jsc.broadcast(state);
        boolean labelled = labels != null;
        String source = idx.source();
        List<Prediction> all = jsc.parallelize(blocks, Math.max(1, blocks.size())).flatMap(b -> {
            int n = b.labels().length;
            long[] indices = new long[n];
            List<String> sources = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                indices[i] = b.first() + i;
                sources.add(source + "#" + (b.first() + i));
            }
            return model.value().predictor().predict(new ImageSamples(b.pixels(), b.labels(), size, 0), indices, sources, labelled).iterator();
        }).collect();
        model.destroy();
        return new ArrayList<>(all);
    }

    private static List<Prediction> predictPrepared(String path, ModelState state) {
        SparkSession spark = Sessions.get("firstspike predict");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<ModelState> model = jsc.broadcast(state);
        List<Prediction> all = PartitionedSamples.inDatasetOrder(spark, path).javaRDD().zipWithIndex().mapPartitions(it -> {
            List<Tuple2<Row, Long>> rows = new ArrayList<>();
            it.forEachRemaining(rows::add);
            if (rows.isEmpty()) return java.util.Collections.<Prediction>emptyIterator();
            long[] indices = new long[rows.size()];
            List<String> sources = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i)._1();
                indices[i] = rows.get(i)._2();
                sources.add(r.getAs(SOURCE) + "#" + r.getAs(SOURCE_INDEX));
            }
            TensorSamples samples = PartitionedSamples.samples(rows.stream().map(Tuple2::_1).iterator());
            return model.value().predictor().predict(samples, indices, sources, true).iterator();
        }).collect();
        model.destroy();
        return new ArrayList<>(all);
    }

    /**
     * Bins the recordings with prep-events into {@code dir} (frames = the model's T), after checking that the recipe's
     * frame shape is the model's input; returns the prepared dataset.
     */
    private static String prepareEvents(Args args, java.nio.file.Path dir, ModelConfig model) throws IOException {
        List<String> prep = new ArrayList<>(List.of("--format", args.get("--events", null), "--input", args.get("--input", null),
                "--out", dir.resolve("prepared").toString(), "--frames", Integer.toString(model.timeSteps())));
        for (String o : EVENT_OPTIONS) if (args.has(o)) prep.addAll(List.of(o, args.get(o, null)));
        EventRecipe recipe = EventRecipe.parse(prep.toArray(new String[0]));
        SensorSize frame = recipe.pipeline().frameSensor(recipe.layout().sensor());
        Shape shape = new Shape(frame.polarities(), frame.height(), frame.width());
        if (!shape.equals(model.input()))
            throw new IllegalArgumentException("model.input = " + model.input() + " but --events " + args.get("--events", null)
                    + " with these options gives frames of " + shape + " (see --downsample and --polarity)");
        PrepEventsJob.run(prep.toArray(new String[0]));
        return HadoopFiles.qualify(dir.resolve("prepared").toString());
    }

    private static byte[] readExisting(String uri, String what) throws IOException {
        if (!HadoopFiles.exists(uri)) throw new java.io.FileNotFoundException(uri + ": " + what + " not found");
        return HadoopFiles.readAll(uri);
    }

    private static int positive(String value, String option) {
        try {
            int v = Integer.parseInt(value);
            if (v >= 1) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " '" + value + "': expected a positive integer");
    }

    private static ObjectNode summary(String model, String input, String engine, String out, List<Prediction> ps, double seconds) {
        long labelled = 0, correct = 0, steps = 0, spikes = 0, synOps = 0;
        boolean stepsKnown = !ps.isEmpty() && ps.get(0).firstOutputStep() >= 0;
        for (Prediction p : ps) {
            if (p.label() >= 0) {
                labelled++;
                if (p.label() == p.prediction()) correct++;
            }
            steps += p.firstOutputStep();
            spikes += p.spikes();
            synOps += p.synOps();
        }
        int n = Math.max(1, ps.size());
        ObjectNode o = JSON.createObjectNode();
        o.put("model", model);
        o.put("input", input);
        o.put("engine", engine);
        o.put("samples", ps.size());
        if (labelled > 0) o.put("accuracy", correct / (double) labelled);
        else o.putNull("accuracy");
        if (stepsKnown) o.put("mean_first_spike_step", steps / (double) n);
        else o.putNull("mean_first_spike_step");
        if (!ps.isEmpty() && ps.get(0).spikes() >= 0) o.put("spikes_per_sample", spikes / (double) n);
        if (engine.equals("event")) o.put("synops_per_sample", synOps / (double) n);
        o.put("out", out);
        o.put("seconds", seconds);
        System.err.printf("predict %s on %s (%s engine): %,d samples%s -> %s%n", model, input, engine, ps.size(),
                labelled > 0 ? String.format(", accuracy %.2f%%", 100.0 * correct / labelled) : "", out);
        return o;
    }
}
