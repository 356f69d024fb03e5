package org.firstspike.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link DatasetFormat} of a dataset folder: IDX built in, others from the classpath. */
public final class Datasets {
    private Datasets() {}

    public static DatasetFormat formatOf(Path dir) throws IOException {
        if (!Files.isDirectory(dir))
            throw new IOException(dir + ": data directory not found (install Fashion-MNIST with "
                    + "'apt-get install dataset-fashion-mnist', or pass --data DIR with IDX files or a prepared dataset)");
        List<DatasetFormat> formats = new ArrayList<>();
        formats.add(new IdxFormat());
        ServiceLoader.load(DatasetFormat.class).forEach(formats::add);
        for (DatasetFormat f : formats) if (f.recognizes(dir)) return f;
        throw new IOException(dir + ": not a dataset this build can read (tried "
                + formats.stream().map(DatasetFormat::name).toList() + "); expected IDX files "
                + "(train-images-idx3-ubyte[.gz], ...) or a folder written by 'firstspike prep-images/prep-events'");
    }
}
