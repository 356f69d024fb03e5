package org.firstspike.core.nir;

/** A directed edge of a NIR graph: the output of node {@code from} is the input of node {@code to}. */
public record NirEdge(String from, String to) {}
