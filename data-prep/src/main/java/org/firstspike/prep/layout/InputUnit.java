package org.firstspike.prep.layout;

import java.io.Serializable;

/**
 * One input file of a corpus, planned on the driver and processed by one task.
 *
 * @param split     "train" or "test"
 * @param path      the file (filesystem URI)
 * @param relative  its path inside the corpus folder, used in sample ids
 * @param label     the class for one-sample files (-1 when labels come from a companion file)
 * @param companion a second file read with it (a DVS128 Gesture labels CSV), or null
 * @param bytes     file size, used to balance tasks
 */
public record InputUnit(String split, String path, String relative, int label, String companion, long bytes)
        implements Serializable {}
