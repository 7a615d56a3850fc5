package org.hipposnn.eval;

/**
 * Accuracy of one segmented subject: 3-D Dice on the original grid, the slice-wise Dice of its
 * slices (along the model's slicing axis, slices empty on both sides excluded), and volumes.
 */
public record CaseScore(String id, double dice3d, SliceDice.Result slices, double predictedMm3, double truthMm3) {}
