package org.hipposnn.eval;

import java.util.SortedMap;

/** A predictor whose answer improves with simulated time: probabilities after several step counts. */
public interface StepwisePredictor {
    SortedMap<Integer, float[]> probabilitiesAt(float[] slices, int count, int height, int width, int... steps);
}
