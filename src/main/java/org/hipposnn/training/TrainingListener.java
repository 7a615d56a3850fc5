package org.hipposnn.training;

/**
 * Progress of a training run, for the command line's progress bar and Fiji's status bar.
 * Called on the training thread; keep implementations quick.
 */
public interface TrainingListener {

    /** After every optimisation step. */
    default void batchDone(int epoch, int epochs, int batch, int batches, double loss) {}

    /** After every epoch's validation. */
    default void epochDone(EpochRecord record, int epochs, double etaSeconds) {}

    /** Something the user should know (a warning, a resumed run, a collapse). */
    default void message(String text) {}

    /** Polled between batches: true stops training after saving a checkpoint. */
    default boolean cancelled() { return false; }

    TrainingListener NONE = new TrainingListener() {};
}
