package org.firstspike.prep.io;

import java.util.Locale;

/**
 * How a jAER DVS128 address (AEDAT 2.0, e.g. CIFAR10-DVS) becomes an event's x, y and polarity.
 *
 * <p>The address gives {@code pRaw} = bit 0 (1 = ON, brightness increase), {@code xRaw} = bits 1-7 and
 * {@code yRaw} = bits 8-14, each 0..127, with jAER's origin at the bottom-left of the sensor. Datasets
 * were published and benchmarked through loaders that map these differently, so the mapping is an
 * explicit choice recorded with the prepared data rather than a hidden default:
 * <ul>
 *   <li>{@link #SPIKINGJELLY} (the default for CIFAR10-DVS): {@code x = 127 - yRaw}, {@code y = 127 - xRaw},
 *       {@code p = 1 - pRaw}, exactly SpikingJelly's {@code CIFAR10DVS.load_origin_data} (a transpose, both
 *       flips and a polarity inversion). Relative to {@link #JAER} the picture is rotated 90 degrees
 *       counter-clockwise and the polarity channels are swapped, so {@code p = 1} holds the sensor's OFF
 *       events. Use it to match frames of models and papers built on SpikingJelly.</li>
 *   <li>{@link #JAER}: {@code x = xRaw}, {@code y = 127 - yRaw}, {@code p = pRaw}: the sensor's own view as
 *       jAER shows it, flipped vertically only to move the origin to the top-left that {@code Events} uses,
 *       with polarity as recorded (1 = ON).</li>
 * </ul>
 */
public enum DvsAddressConvention {
    SPIKINGJELLY {
        @Override
        int x(int xRaw, int yRaw) {
            return MAX - yRaw;
        }

        @Override
        int y(int xRaw, int yRaw) {
            return MAX - xRaw;
        }

        @Override
        int polarity(int pRaw) {
            return 1 - pRaw;
        }
    },
    JAER {
        @Override
        int x(int xRaw, int yRaw) {
            return xRaw;
        }

        @Override
        int y(int xRaw, int yRaw) {
            return MAX - yRaw;
        }

        @Override
        int polarity(int pRaw) {
            return pRaw;
        }
    };

    /** Largest coordinate of the 128x128 DVS128 sensor. */
    private static final int MAX = 127;

    abstract int x(int xRaw, int yRaw);

    abstract int y(int xRaw, int yRaw);

    abstract int polarity(int pRaw);

    /**
     * The convention named {@code name}, "spikingjelly" or "jaer" (case-insensitive), as written in configs.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static DvsAddressConvention parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "spikingjelly" -> SPIKINGJELLY;
            case "jaer" -> JAER;
            default -> throw new IllegalArgumentException("DVS address convention \"" + name
                    + "\"; expected \"spikingjelly\" or \"jaer\"");
        };
    }
}
