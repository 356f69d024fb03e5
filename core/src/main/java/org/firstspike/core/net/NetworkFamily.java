package org.firstspike.core.net;

/**
 * Which model a config builds: the discrete-time ETTFS network, the continuous-time B1 exact-time network
 * (Stanojevic et al.), or the ReLU network the B1 model maps onto exactly (its twin: same parameters, same
 * predictions, same gradients).
 */
public enum NetworkFamily {
    ETTFS, B1, RELU;

    public static NetworkFamily parse(String s) {
        return switch (s.toLowerCase()) {
            case "ettfs" -> ETTFS;
            case "b1" -> B1;
            case "relu" -> RELU;
            default -> throw new IllegalArgumentException("model.family '" + s + "': expected ettfs, b1 or relu");
        };
    }

    public String key() { return name().toLowerCase(); }
}
