package org.firstspike.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.firstspike.core.data.SampleFormat;
import org.firstspike.core.layer.Shape;
import org.firstspike.prep.io.PreparedDatasetFormat;
import org.firstspike.prep.job.HadoopFiles;

/**
 * What a prepared dataset holds, read from its metadata.json on the driver before Spark starts (on any Hadoop
 * filesystem), so an incompatible model or a missing split fails at once with a message naming both sides.
 */
final class DatasetInfo {
    private DatasetInfo() {}

    static SampleFormat read(String path) throws IOException {
        if (!HadoopFiles.exists(path + "/metadata.json"))
            throw new IOException(path + ": no metadata.json; expected a dataset written by 'firstspike prep-images' or "
                    + "'prep-events' (run one of them first)");
        JsonNode m = new ObjectMapper().readTree(HadoopFiles.readString(path + "/metadata.json"));
        if (!"firstspike-tensors".equals(m.path("format").asText()))
            throw new IOException(path + "/metadata.json: format '" + m.path("format").asText() + "'; expected firstspike-tensors");
        for (String split : new String[] {"train", "test"})
            if (!m.path("splits").has(split))
                throw new IOException(path + ": the dataset has no " + split + " split; expected both train and test");
        JsonNode sample = m.path("sample");
        if (!sample.path("shape").isArray())
            throw new IOException(path + ": samples differ in shape (e.g. Tonic time windows); training needs one shape "
                    + "(prepare with a fixed --frames T)");
        JsonNode s = sample.get("shape");
        String encoding = sample.path("encoding").asText();
        return new SampleFormat(new Shape(s.get(1).asInt(), s.get(2).asInt(), s.get(3).asInt()),
                PreparedDatasetFormat.encodingsOf(encoding), sample.path("time_steps").asInt(),
                path + " (" + m.path("dataset").asText() + " " + encoding + ")");
    }
}
