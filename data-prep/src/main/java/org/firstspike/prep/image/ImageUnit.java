package org.firstspike.prep.image;

import java.io.Serializable;

/**
 * A block of images processed by one task: images [first, first + count) of a file (count -1 = all of it).
 *
 * @param labels the IDX labels file, or null where labels are inside the images file (CIFAR)
 */
public record ImageUnit(String split, String images, String labels, String relative, int first, int count, long bytes)
        implements Serializable {}
