package org.firstspike.prep.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import org.firstspike.core.cli.Durations;
import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.layout.CorpusListing;
import org.firstspike.prep.layout.PlannedInputs;
import org.firstspike.prep.recipe.BadInputPolicy;
import org.firstspike.prep.recipe.Rejection;
import org.firstspike.prep.tensor.TensorColumns;

/**
 * The part both prep jobs share: group inputs into balanced tasks, run them split by split into Parquet, gather the
 * per-input reports, and write the rejected-inputs and sources tables, metadata.json (last, atomically: its presence
 * marks a complete dataset) and the summary.
 */
final class PrepRun {
    static final String FORMAT = "firstspike-tensors";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StructType REJECTED = new StructType()
            .add("split", DataTypes.StringType).add("source", DataTypes.StringType).add("position", DataTypes.LongType)
            .add("unit", DataTypes.StringType).add("reason", DataTypes.StringType);
    private static final StructType SOURCES = new StructType()
            .add("split", DataTypes.StringType).add("source", DataTypes.StringType).add("first", DataTypes.IntegerType)
            .add("bytes", DataTypes.LongType).add("sha256", DataTypes.StringType).add("samples", DataTypes.LongType)
            .add("records_read", DataTypes.LongType).add("records_dropped", DataTypes.LongType)
            .add("events_kept", DataTypes.LongType).add("events_binned", DataTypes.LongType)
            .add("status", DataTypes.StringType);

    /**
     * @param command     "prep-images" or "prep-events"
     * @param out         output folder URI
     * @param recipe      everything that decides the output, as written into metadata.json
     * @param dataset     dataset-level facts for metadata.json (sensor, classes, encoding, ...)
     * @param cacheKey    digest of the recipe and the input listing
     */
    record Spec(String command, String out, String compression, long taskBytes, BadInputPolicy policy,
                ObjectNode recipe, ObjectNode dataset, String cacheKey) {}

    private PrepRun() {}

    /** The cache key: SHA-256 over the recipe and every input's path, size and modification time. */
    static String cacheKey(ObjectNode recipe, CorpusListing listing) throws IOException {
        StringBuilder s = new StringBuilder(JSON.writeValueAsString(recipe)).append('\n');
        for (CorpusListing.Entry e : listing.files())
            s.append(e.relative()).append('\t').append(e.bytes()).append('\t').append(e.modified()).append('\n');
        return sha256(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The summary of an earlier run with the same cache key, or null when the output must be (re)built. Refuses to
     * write into a non-empty folder that is not a dataset of ours unless forced.
     */
    static ObjectNode previousRun(Spec spec, boolean force) throws IOException {
        String metadata = spec.out() + "/metadata.json";
        if (HadoopFiles.exists(metadata)) {
            ObjectNode m = (ObjectNode) JSON.readTree(HadoopFiles.readString(metadata));
            if (!force && spec.cacheKey().equals(m.path("cache_key").asText()) && HadoopFiles.exists(spec.out() + "/summary.json"))
                return (ObjectNode) JSON.readTree(HadoopFiles.readString(spec.out() + "/summary.json"));
            return null;
        }
        if (!force && !HadoopFiles.children(spec.out()).isEmpty())
            throw new IOException(spec.out() + ": output folder is not empty and holds no FirstSpike dataset "
                    + "(no metadata.json; an interrupted run leaves none); choose another --out or pass --force to overwrite it");
        return null;
    }

    /** Runs every input and writes the dataset; returns the summary printed as the command's last line. */
    static <U extends Serializable, D> ObjectNode execute(SparkSession spark, Spec spec, List<U> units, TaskBody<U, D> body,
                                                       List<Rejection> planRejections, List<String> ignored) throws IOException {
        long start = System.nanoTime();
        HadoopFiles.delete(spec.out() + "/metadata.json");  // from here on the folder is incomplete until rewritten
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        CollectionAccumulator<SourceReport> acc = spark.sparkContext().collectionAccumulator("firstspike-prep-sources");
        List<String> splits = new ArrayList<>();
        long taskMillis = 0;
        for (String split : List.of("train", "test")) {
            List<List<U>> blocks = blocks(units.stream().filter(u -> body.split(u).equals(split)).toList(), body, spec.taskBytes());
            HadoopFiles.delete(spec.out() + "/" + split);
            if (blocks.isEmpty()) continue;
            splits.add(split);
            long bytes = blocks.stream().flatMap(List::stream).mapToLong(body::bytes).sum();
            TaskProgress progress = new TaskProgress(spec.command() + " " + split, blocks.size(), bytes);
            spark.sparkContext().addSparkListener(progress);
            BadInputPolicy policy = spec.policy();
            JavaRDD<Row> rows = jsc.parallelize(blocks, blocks.size())
                    .mapPartitions(it -> new SampleIterator<>(it.next(), body, policy, acc))
                    .map(TensorRows::toRow);
            try {
                // Dictionary encoding cannot help unique tensors; Parquet would hash every one before falling back.
                spark.createDataFrame(rows, TensorRows.SCHEMA).write().mode(SaveMode.Overwrite)
                        .option("compression", spec.compression()).option("parquet.enable.dictionary#" + TensorColumns.DATA, "false")
                        .parquet(spec.out() + "/" + split);
            } catch (Exception e) {  // SparkException is checked but thrown undeclared through the Java API
                String bad = BadInputFailure.messageOf(e);
                if (bad != null) throw new IOException(bad + " (use --on-bad-input skip to set bad inputs aside)", e);
                if (e instanceof RuntimeException re) throw re;
                throw new IllegalStateException("Spark job failed while writing " + spec.out() + "/" + split, e);
            } finally {
                spark.sparkContext().removeSparkListener(progress);
                taskMillis += progress.taskMillis();
            }
        }
        ObjectNode samples = sampleFacts(spark, spec.out(), splits);
        List<SourceReport> reports = dedupe(acc.value());
        List<Rejection> rejections = new ArrayList<>(planRejections);
        reports.forEach(r -> rejections.addAll(r.rejections));
        writeTables(spark, spec, reports, rejections);
        double seconds = (System.nanoTime() - start) / 1e9;
        ObjectNode summary = summary(spec, splits, reports, rejections, ignored, seconds);
        timeBreakdown(summary, reports, taskMillis);
        HadoopFiles.writeAtomically(spec.out() + "/summary.json", JSON.writeValueAsString(summary) + "\n");
        HadoopFiles.writeAtomically(spec.out() + "/metadata.json",
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(metadata(spec, splits, reports, rejections, ignored)
                        .set("sample", samples)) + "\n");
        printTable(spec, summary, rejections, ignored);
        return summary;
    }

    /**
     * Shape, encoding and T shared by every sample (null where they vary, e.g. Tonic time windows), read back from
     * the written columns, so a trainer can check compatibility from metadata.json alone.
     */
    private static ObjectNode sampleFacts(SparkSession spark, String out, List<String> splits) {
        ObjectNode o = JSON.createObjectNode();
        if (splits.isEmpty()) return o;
        List<Row> distinct = spark.read().parquet(splits.stream().map(s -> out + "/" + s).toArray(String[]::new))
                .select(TensorColumns.SHAPE, TensorColumns.ENCODING, TensorColumns.TIME_STEPS).distinct().limit(2).collectAsList();
        if (distinct.size() != 1) {
            o.putNull("shape");
            o.put("note", "samples differ in shape or encoding");
            return o;
        }
        Row r = distinct.get(0);
        ArrayNode shape = o.putArray("shape");
        r.getList(0).forEach(v -> shape.add((Integer) v));
        o.put("encoding", r.getString(1));
        o.put("time_steps", r.getInt(2));
        return o;
    }

    /** Consecutive inputs grouped up to {@code taskBytes} each (at least one input per task), in dataset order. */
    private static <U> List<List<U>> blocks(List<U> units, TaskBody<U, ?> body, long taskBytes) {
        List<List<U>> blocks = new ArrayList<>();
        List<U> current = new ArrayList<>();
        long bytes = 0;
        for (U u : units) {
            if (!current.isEmpty() && bytes + body.bytes(u) > taskBytes) {
                blocks.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(u);
            bytes += body.bytes(u);
        }
        if (!current.isEmpty()) blocks.add(current);
        return blocks;
    }

    /** One report per input even when a task ran twice (retry, speculation). */
    private static List<SourceReport> dedupe(List<SourceReport> all) {
        Map<String, SourceReport> byKey = new TreeMap<>();
        for (SourceReport r : all) byKey.putIfAbsent(r.split + "\t" + r.key(), r);
        List<SourceReport> sorted = new ArrayList<>(byKey.values());
        sorted.sort(Comparator.comparing((SourceReport r) -> r.split).thenComparing(r -> r.source).thenComparingInt(r -> r.first));
        return sorted;
    }

    private static void writeTables(SparkSession spark, Spec spec, List<SourceReport> reports, List<Rejection> rejections) {
        List<Row> rej = rejections.stream()
                .map(r -> RowFactory.create(r.split(), r.source(), r.position(), r.unit(), r.reason())).toList();
        spark.createDataFrame(rej, REJECTED).coalesce(1).write().mode(SaveMode.Overwrite).parquet(spec.out() + "/rejected");
        List<Row> src = reports.stream().map(r -> RowFactory.create(r.split, r.source, r.first, r.bytes, r.sha256,
                r.samples, r.recordsRead, r.recordsDropped, r.eventsKept, r.eventsBinned, r.rejected ? "rejected" : "ok")).toList();
        spark.createDataFrame(src, SOURCES).coalesce(1).write().mode(SaveMode.Overwrite).parquet(spec.out() + "/sources");
    }

    /** One report per input file: blocks after the first of an image file read the same file again. */
    private static List<SourceReport> files(List<SourceReport> reports) {
        return reports.stream().filter(r -> r.first <= 0).toList();
    }

    private static ObjectNode summary(Spec spec, List<String> splits, List<SourceReport> reports, List<Rejection> rejections,
                                      List<String> ignored, double seconds) {
        ObjectNode s = JSON.createObjectNode();
        s.put("command", spec.command());
        s.put("out", spec.out());
        ObjectNode perSplit = s.putObject("samples");
        for (String split : splits) perSplit.put(split, reports.stream().filter(r -> r.split.equals(split)).mapToLong(r -> r.samples).sum());
        List<SourceReport> files = files(reports);
        s.put("sources", files.size());
        long bytes = files.stream().mapToLong(r -> r.bytes).sum();
        s.put("bytes_read", bytes);
        long records = reports.stream().mapToLong(r -> r.recordsRead).sum();
        s.put("records_read", records);
        s.put("records_dropped", reports.stream().mapToLong(r -> r.recordsDropped).sum());
        s.put("events_in_samples", reports.stream().mapToLong(r -> r.eventsInSamples).sum());
        s.put("events_kept", reports.stream().mapToLong(r -> r.eventsKept).sum());
        s.put("events_binned", reports.stream().mapToLong(r -> r.eventsBinned).sum());
        s.put("rejected", rejections.size());
        s.put("ignored_files", ignored.size());
        s.put("seconds", Math.round(seconds * 1000) / 1000.0);
        s.put("mb_per_s", Math.round(bytes / 1e6 / seconds * 10) / 10.0);
        s.put("records_per_s", Math.round(records / seconds));
        s.put("cache_key", spec.cacheKey());
        return s;
    }

    /**
     * Where the tasks spent their time: reading, checksums, decoding, binning and packing (or image coding), and the
     * rest of the task time (row conversion, Parquet encoding and compression, writing, Spark).
     */
    private static void timeBreakdown(ObjectNode summary, List<SourceReport> reports, long taskMillis) {
        ObjectNode t = summary.putObject("task_seconds");
        double read = reports.stream().mapToLong(r -> r.readNanos).sum() / 1e9;
        double checksum = reports.stream().mapToLong(r -> r.checksumNanos).sum() / 1e9;
        double decode = reports.stream().mapToLong(r -> r.decodeNanos).sum() / 1e9;
        double encode = reports.stream().mapToLong(r -> r.encodeNanos).sum() / 1e9;
        double total = taskMillis / 1e3;
        t.put("total", round(total));
        t.put("read", round(read));
        t.put("checksum", round(checksum));
        t.put("decode", round(decode));
        t.put("bin_and_pack", round(encode));
        t.put("parquet_and_spark", round(Math.max(0, total - read - checksum - decode - encode)));
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }

    private static ObjectNode metadata(Spec spec, List<String> splits, List<SourceReport> reports, List<Rejection> rejections,
                                       List<String> ignored) {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT);
        m.put("version", 1);
        m.put("created_by", "firstspike " + spec.command());
        m.put("created_at", Instant.now().toString());
        m.put("cache_key", spec.cacheKey());
        m.set("recipe", spec.recipe());
        m.setAll(spec.dataset());
        ObjectNode sp = m.putObject("splits");
        for (String split : splits) {
            ObjectNode o = sp.putObject(split);
            o.put("path", split);
            Map<Integer, Long> perClass = new TreeMap<>();
            long samples = 0;
            for (SourceReport r : reports)
                if (r.split.equals(split)) {
                    samples += r.samples;
                    r.perClass.forEach((k, v) -> perClass.merge(k, v, Long::sum));
                }
            o.put("samples", samples);
            ObjectNode pc = o.putObject("per_class");
            perClass.forEach((k, v) -> pc.put(Integer.toString(k), v));
        }
        ObjectNode src = m.putObject("sources");
        List<SourceReport> files = files(reports);
        src.put("count", files.size());
        src.put("bytes", files.stream().mapToLong(r -> r.bytes).sum());
        StringBuilder digests = new StringBuilder();
        files.stream().map(r -> r.source + " " + r.sha256 + "\n").sorted().forEach(digests::append);
        src.put("sha256_of_list", sha256(digests.toString().getBytes(StandardCharsets.UTF_8)));
        src.put("table", "sources");
        src.put("note", "per-file SHA-256 in the sources table; sha256_of_list digests its sorted 'source sha256' lines");
        ObjectNode rej = m.putObject("rejected");
        rej.put("count", rejections.size());
        rej.put("table", "rejected");
        ArrayNode ign = m.putObject("ignored_files").put("count", ignored.size()).putArray("first");
        ignored.stream().limit(20).forEach(ign::add);
        ObjectNode schema = m.putObject("schema");
        TensorColumns.describe().forEach(schema::put);
        return m;
    }

    private static void printTable(Spec spec, ObjectNode s, List<Rejection> rejections, List<String> ignored) {
        System.err.printf("%s -> %s in %s%n", spec.command(), spec.out(), Durations.format(s.get("seconds").asDouble()));
        s.get("samples").fields().forEachRemaining(e -> System.err.printf("  %-5s %,d samples%n", e.getKey(), e.getValue().asLong()));
        System.err.printf("  %,d sources, %,.1f MB read (%,.1f MB/s), %,d records read, %,d dropped by the reader%n",
                s.get("sources").asLong(), s.get("bytes_read").asLong() / 1e6, s.get("mb_per_s").asDouble(),
                s.get("records_read").asLong(), s.get("records_dropped").asLong());
        if (s.get("events_in_samples").asLong() > 0)
            System.err.printf("  events: %,d in samples, %,d kept after crop/denoise, %,d binned%n",
                    s.get("events_in_samples").asLong(), s.get("events_kept").asLong(), s.get("events_binned").asLong());
        JsonNode t = s.get("task_seconds");
        System.err.printf("  task time %.1f s: read %.1f, checksum %.1f, decode %.1f, bin+pack %.1f, Parquet+Spark %.1f%n",
                t.get("total").asDouble(), t.get("read").asDouble(), t.get("checksum").asDouble(), t.get("decode").asDouble(),
                t.get("bin_and_pack").asDouble(), t.get("parquet_and_spark").asDouble());
        System.err.printf("  rejected: %d%s%n", rejections.size(), rejections.isEmpty() ? "" : " (table: " + spec.out() + "/rejected)");
        rejections.stream().limit(20).forEach(r -> System.err.println("    " + r.unit() + ": " + r.reason()));
        if (rejections.size() > 20) System.err.println("    ... " + (rejections.size() - 20) + " more in the table");
        if (!ignored.isEmpty())
            System.err.printf("  ignored %d file(s) outside the dataset layout, e.g. %s%n", ignored.size(), ignored.subList(0, Math.min(3, ignored.size())));
    }

    /** The plan's problems as rejections under SKIP; under FAIL the first one ends the command. */
    static <U> List<Rejection> planRejections(PlannedInputs<U> plan, BadInputPolicy policy) throws MalformedInputException {
        if (!plan.problems().isEmpty() && policy == BadInputPolicy.FAIL) throw plan.problems().get(0);
        return plan.problems().stream().map(e -> new Rejection("", e.source(), e.offset(), "file", e.getMessage())).toList();
    }

    /** Dataset-level entries common to every prep job. */
    static ObjectNode datasetFacts(String dataset, List<String> classes) {
        ObjectNode d = JSON.createObjectNode();
        d.put("dataset", dataset);
        ArrayNode c = d.putArray("classes");
        classes.forEach(c::add);
        return d;
    }

}
