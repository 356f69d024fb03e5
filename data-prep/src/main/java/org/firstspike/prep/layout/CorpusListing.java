package org.firstspike.prep.layout;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** The files of a corpus folder as the driver sees them (on any Hadoop filesystem), and a way to read small ones. */
public interface CorpusListing {
    /** A file below the corpus root. */
    record Entry(String relative, String path, long bytes, long modified) {}

    /** Every regular file below the root, sorted by relative path. */
    List<Entry> files();

    /** Opens a file on the driver, to read a small one (a trial list) or a header. */
    InputStream open(Entry file) throws IOException;
}
