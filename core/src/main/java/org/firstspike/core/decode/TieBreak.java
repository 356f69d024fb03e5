package org.firstspike.core.decode;

/**
 * How a prediction chooses among classes with equal logits (several outputs firing at the same first step, or none
 * firing). POTENTIAL takes the largest membrane potential at the deciding step (the default: with direct encoding
 * ties are common and this is measured to be better); INDEX takes the lowest class index.
 */
public enum TieBreak {
    POTENTIAL, INDEX;

    public static TieBreak parse(String s) {
        return switch (s.toLowerCase()) {
            case "potential" -> POTENTIAL;
            case "index" -> INDEX;
            default -> throw new IllegalArgumentException("tie break '" + s + "': expected potential or index");
        };
    }
}
