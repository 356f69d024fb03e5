package org.firstspike.prep.image;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.firstspike.prep.layout.CorpusListing;
import org.firstspike.prep.layout.PlannedInputs;

/** An image dataset on disk (IDX or CIFAR binary batches): which files form each split, and how to decode them. */
public interface ImageCorpus extends Serializable {
    String name();

    List<String> classes();

    /** The blocks of both splits in dataset order; reads headers on the driver where block sizes need them. */
    PlannedInputs<ImageUnit> plan(CorpusListing listing, int imagesPerTask) throws IOException;

    /** Decodes one block from its file contents ({@code labels} is null for CIFAR). */
    LabeledBlock decode(ImageUnit unit, byte[] images, byte[] labels) throws IOException;
}
