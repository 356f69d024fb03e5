package org.firstspike.core.neuron;

/** Membrane dynamics: integrate-and-fire, or leaky integrate-and-fire with SpikingJelly's decay_input form. */
public enum NeuronModel {
    IF, LIF;

    public static NeuronModel parse(String s) {
        return switch (s.toLowerCase()) {
            case "if" -> IF;
            case "lif" -> LIF;
            default -> throw new IllegalArgumentException("neuron model '" + s + "': expected if or lif");
        };
    }
}
