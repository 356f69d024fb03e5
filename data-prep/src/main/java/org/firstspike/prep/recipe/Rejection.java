package org.firstspike.prep.recipe;

import java.io.Serializable;

/**
 * An input set aside under {@link BadInputPolicy#SKIP}: a whole file, or one labelled segment of a recording.
 *
 * @param split    the split the input belonged to
 * @param source   the file
 * @param position where the problem was found: a byte offset, or for a label row the row's offset in the labels file
 * @param unit     what was rejected: "file" or "segment N" (1-based label row)
 * @param reason   the reader's message: what was found and what was expected
 */
public record Rejection(String split, String source, long position, String unit, String reason) implements Serializable {}
