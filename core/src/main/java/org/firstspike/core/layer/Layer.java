package org.firstspike.core.layer;

import java.util.List;
import org.firstspike.core.net.Parameter;

/**
 * One stage of a TTFS network over a whole time window. The unrolled step-by-step graph has no connection from a
 * later layer back to an earlier one, so running each layer over all T steps before the next yields exactly the
 * values of the step-by-step schedule (every layer updated in order at each t) while batching the work.
 * A layer keeps what its backward pass needs from the last forward pass.
 */
public interface Layer {
    Shape inputShape();

    Shape outputShape();

    default List<Parameter> parameters() { return List.of(); }

    Activation forward(Activation in, Pass pass);

    /** Adds parameter gradients; returns the gradient w.r.t. the last input (same frames), or null if not wanted. */
    Activation backward(Activation gradOut, boolean wantInputGrad);

    /** Short architecture token, e.g. "FC800" or "32C3P1". */
    String describe();
}
