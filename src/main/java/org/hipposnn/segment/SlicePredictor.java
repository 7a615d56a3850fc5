package org.hipposnn.segment;

/**
 * Foreground probabilities for packed 2-D slices ([slice][row][col], values in [0, 1]): what the
 * ANN or the simulated SNN computes, behind one interface so segmentation does not care which.
 */
public interface SlicePredictor {
    float[] probabilities(float[] slices, int count, int height, int width);
}
