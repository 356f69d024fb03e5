package org.firstspike.prep.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.firstspike.core.data.DatasetFormat;
import org.firstspike.core.data.DatasetSplit;
import org.firstspike.core.data.SampleFormat;
import org.firstspike.core.encode.InputEncoding;
import org.firstspike.core.io.MalformedInputException;
import org.firstspike.core.layer.Shape;
import org.firstspike.prep.tensor.DType;
import org.firstspike.prep.tensor.TensorColumns;
import org.firstspike.prep.tensor.TensorSamples;

/**
 * Reads a dataset written by prep-images or prep-events into memory for local training, with the Parquet library
 * alone (no Spark session): part files in name order, which is the order the job wrote them in.
 */
public final class PreparedDatasetFormat implements DatasetFormat {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override public String name() { return "prepared"; }

    @Override
    public boolean recognizes(Path dir) {
        Path m = dir.resolve("metadata.json");
        try {
            return Files.isRegularFile(m) && "firstspike-tensors".equals(JSON.readTree(m.toFile()).path("format").asText());
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public DatasetSplit load(Path dir, String split, int limit) throws IOException {
        JsonNode meta = JSON.readTree(dir.resolve("metadata.json").toFile());
        if (!meta.path("splits").has(split))
            throw new IOException(dir + ": no " + split + " split in metadata.json; it lists " + meta.path("splits").fieldNames().next());
        Path folder = dir.resolve(meta.path("splits").path(split).path("path").asText(split));
        List<Path> parts;
        try (Stream<Path> s = Files.list(folder)) {
            parts = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        Collected c = new Collected();
        Configuration conf = new Configuration();
        for (Path part : parts) {
            try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(part.toUri()))
                    .withConf(conf).build()) {
                for (Group g = r.read(); g != null && !(limit > 0 && c.labels.size() >= limit); g = r.read()) c.add(part, g);
            }
        }
        if (c.shape == null) throw new IOException(folder + ": no samples");
        int[] s = c.shape;
        TensorSamples samples = new TensorSamples(c.data, c.types.toArray(DType[]::new),
                c.labels.stream().mapToInt(Integer::intValue).toArray(), c.encoding, s[0] * s[1] * s[2] * s[3], c.timeSteps);
        return new DatasetSplit(samples, new SampleFormat(new Shape(s[1], s[2], s[3]), encodingsOf(c.encoding), c.timeSteps,
                dir + " (" + meta.path("dataset").asText() + " " + c.encoding + ", " + split + ")"));
    }

    /** Model encodings a stored encoding can feed: intensities feed direct and latency, frames and latency codes feed frames. */
    public static Set<InputEncoding> encodingsOf(String stored) {
        return stored.equals("direct") ? EnumSet.of(InputEncoding.DIRECT, InputEncoding.LATENCY) : EnumSet.of(InputEncoding.FRAMES);
    }

    /** Rows gathered so far; every row must match the first one's shape, encoding and T. */
    private static final class Collected {
        final List<byte[]> data = new ArrayList<>();
        final List<DType> types = new ArrayList<>();
        final List<Integer> labels = new ArrayList<>();
        int[] shape;
        String encoding;
        int timeSteps;

        void add(Path part, Group g) throws MalformedInputException {
            int[] s = shapeOf(g);
            String enc = g.getString(TensorColumns.ENCODING, 0);
            int t = g.getInteger(TensorColumns.TIME_STEPS, 0);
            String id = g.getString(TensorColumns.SAMPLE_ID, 0);
            if (shape == null) {
                shape = s;
                encoding = enc;
                timeSteps = t;
            } else if (!Arrays.equals(shape, s) || !encoding.equals(enc) || timeSteps != t) {
                throw new MalformedInputException(part.toString(), 0, "sample " + id + " has shape " + Arrays.toString(s)
                        + " (" + enc + ", T=" + t + "); expected " + Arrays.toString(shape) + " (" + encoding + ", T=" + timeSteps
                        + ") like the first sample; training needs one shape (bin with a fixed --frames T)");
            }
            DType type = DType.ofNumpy(g.getString(TensorColumns.DTYPE, 0));
            byte[] bytes = g.getBinary(TensorColumns.DATA, 0).getBytes();
            if (bytes.length != (long) s[0] * s[1] * s[2] * s[3] * type.bytes())
                throw new MalformedInputException(part.toString(), 0, "sample " + id + " holds " + bytes.length
                        + " bytes; expected " + Arrays.toString(s) + " x " + type.bytes() + " bytes");
            data.add(bytes);
            types.add(type);
            labels.add(g.getInteger(TensorColumns.LABEL, 0));
        }

        private static int[] shapeOf(Group g) {
            Group list = g.getGroup(TensorColumns.SHAPE, 0);
            int n = list.getFieldRepetitionCount(0);
            int[] s = new int[n];
            for (int i = 0; i < n; i++) s[i] = list.getGroup(0, i).getInteger(0, 0);
            return s;
        }
    }
}
