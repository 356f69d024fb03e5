package org.firstspike.prep.event;

/** Pixel grid of an event sensor and the number of polarity channels (2: OFF = 0, ON = 1; 1: merged). */
public record SensorSize(int width, int height, int polarities) implements java.io.Serializable {
    public static final SensorSize DVS128 = new SensorSize(128, 128, 2);
    public static final SensorSize ATIS_NMNIST = new SensorSize(34, 34, 2);

    public SensorSize {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("sensor " + width + "x" + height + ": sides must be positive");
        if (polarities != 1 && polarities != 2) throw new IllegalArgumentException("polarities " + polarities + ": expected 1 or 2");
    }

    public boolean contains(int x, int y) {
        return x >= 0 && x < width && y >= 0 && y < height;
    }

    public int pixels() { return width * height; }
}
