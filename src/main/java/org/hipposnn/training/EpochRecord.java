package org.hipposnn.training;

/**
 * One epoch of a run: the mean training loss, the validation loss and Dice (validation subjects are
 * taken from the training folds, never from the test fold), the learning rate used, and time.
 */
public record EpochRecord(int epoch, double trainLoss, double validationLoss, double validationDice,
                          double foregroundFraction, double learningRate, double seconds) {}
