package org.firstspike.prep.io;

/**
 * The CIFAR binary-version layouts (https://www.cs.toronto.edu/~kriz/cifar.html): each record is its
 * label byte(s) then 3072 pixel bytes (1024 red, 1024 green, 1024 blue, each 32x32 row-major).
 * CIFAR-100 records carry a coarse (superclass, 0..19) and a fine (class, 0..99) label; the variant
 * picks which one is returned, and both are range-checked because both are in the file.
 */
public enum CifarVariant {
    /** 1 label byte 0..9, then the pixels: 3073-byte records. */
    CIFAR10("CIFAR-10", new String[] {"label"}, new int[] {10}, 0),
    /** Coarse byte 0..19, fine byte 0..99, then the pixels: 3074-byte records; returns the coarse label. */
    CIFAR100_COARSE("CIFAR-100", new String[] {"coarse label", "fine label"}, new int[] {20, 100}, 0),
    /** Same records as {@link #CIFAR100_COARSE}; returns the fine label. */
    CIFAR100_FINE("CIFAR-100", new String[] {"coarse label", "fine label"}, new int[] {20, 100}, 1);

    static final int CHANNELS = 3;
    static final int SIDE = 32;
    static final int PIXELS = CHANNELS * SIDE * SIDE;

    private final String dataset;
    private final String[] labelNames;
    private final int[] labelClasses;
    private final int returnedLabel;

    CifarVariant(String dataset, String[] labelNames, int[] labelClasses, int returnedLabel) {
        this.dataset = dataset;
        this.labelNames = labelNames;
        this.labelClasses = labelClasses;
        this.returnedLabel = returnedLabel;
    }

    String dataset() {
        return dataset;
    }

    /** Class names by label: CIFAR-10's ten; empty for CIFAR-100, whose names live in its meta file, not the batches. */
    public java.util.List<String> classNames() {
        return this == CIFAR10
                ? java.util.List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck")
                : java.util.List.of();
    }

    /** Label bytes at the start of each record. */
    int labelBytes() {
        return labelClasses.length;
    }

    String labelName(int k) {
        return labelNames[k];
    }

    /** Number of classes of label byte {@code k}; valid values are 0..classes-1. */
    int classes(int k) {
        return labelClasses[k];
    }

    /** Which label byte the reader returns. */
    int returnedLabel() {
        return returnedLabel;
    }

    int recordLength() {
        return labelClasses.length + PIXELS;
    }
}
