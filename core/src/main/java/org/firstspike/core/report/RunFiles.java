package org.firstspike.core.report;

import java.io.IOException;

/** The files of a run directory, wherever it lives (a local folder, or any Hadoop filesystem in the Spark jobs). */
public interface RunFiles {
    /** Where the run is, for messages and the report's header. */
    String location();

    /** The text of a file, or null when the run has no such file. */
    String readText(String name) throws IOException;

    /** Writes (replaces) a file whole; {@code name} may contain a sub-folder ("plots/loss.png"). */
    void write(String name, byte[] bytes) throws IOException;
}
