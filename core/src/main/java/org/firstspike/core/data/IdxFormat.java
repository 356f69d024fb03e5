package org.firstspike.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.firstspike.core.encode.InputEncoding;
import org.firstspike.core.io.IdxReader;
import org.firstspike.core.io.LabeledImages;
import org.firstspike.core.layer.Shape;

/** MNIST-style IDX folders (train-/t10k-images-idx3-ubyte[.gz] and labels), read as intensities. */
public final class IdxFormat implements DatasetFormat {

    @Override public String name() { return "idx"; }

    @Override
    public boolean recognizes(Path dir) {
        return Files.exists(dir.resolve("train-images-idx3-ubyte")) || Files.exists(dir.resolve("train-images-idx3-ubyte.gz"))
                || Files.exists(dir.resolve("t10k-images-idx3-ubyte")) || Files.exists(dir.resolve("t10k-images-idx3-ubyte.gz"));
    }

    @Override
    public DatasetSplit load(Path dir, String split, int limit) throws IOException {
        LabeledImages set = IdxReader.readSplit(dir, split);
        Shape shape = new Shape(1, set.images().rows(), set.images().cols());
        ImageSamples samples = new ImageSamples(set.images().pixels(), set.labels(), shape.size(), limit);
        return new DatasetSplit(samples, new SampleFormat(shape, EnumSet.of(InputEncoding.DIRECT, InputEncoding.LATENCY), 1,
                dir + " (IDX " + split + ")"));
    }
}
