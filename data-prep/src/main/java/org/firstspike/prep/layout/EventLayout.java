package org.firstspike.prep.layout;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.firstspike.core.io.MalformedInputException;
import org.firstspike.prep.event.SensorSize;

/**
 * How an event corpus is organised on disk (which files, which split, where labels come from) and how one of its
 * files becomes labelled samples. Planning runs on the driver over a file listing only; decoding runs in a task.
 */
public interface EventLayout extends Serializable {
    /** The corpus name used on the command line, e.g. "nmnist". */
    String name();

    SensorSize sensor();

    /** Class names by label index. */
    List<String> classes();

    /** The input files of both splits, sorted, with the structural problems found on the way. */
    PlannedInputs<InputUnit> plan(CorpusListing listing) throws IOException;

    /** Decodes one file (and its companion, or null) into samples. */
    DecodedUnit decode(InputUnit unit, byte[] content, byte[] companion) throws MalformedInputException;
}
