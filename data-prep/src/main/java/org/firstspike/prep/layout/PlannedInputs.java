package org.firstspike.prep.layout;

import java.util.List;
import org.firstspike.core.io.MalformedInputException;

/**
 * The driver's plan for a corpus.
 *
 * @param units    the inputs to process, in dataset order
 * @param problems inputs that belong to the corpus but cannot be used (bad header, file in the wrong place, trial
 *                 listed but missing), each with the reason; failed on or rejected per the bad-input policy
 * @param ignored  files that are not part of the corpus layout (documentation, checksums), counted in the summary
 */
public record PlannedInputs<U>(List<U> units, List<MalformedInputException> problems, List<String> ignored) {}
