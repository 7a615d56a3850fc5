package org.hipposnn.fiji;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.hipposnn.engine.MallocTunables;
import org.hipposnn.training.EpochRecord;
import org.hipposnn.training.TrainingListener;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * Training progress in Fiji: the status bar shows the epoch, the loss and the ETA, the log gets
 * one line per epoch, and training stops (after its checkpoint) when the command is cancelled or
 * its thread interrupted. The engine's {@link TrainingListener}, adapted to SciJava services.
 */
final class StatusProgress implements TrainingListener {

    private final StatusService status;
    private final LogService log;
    private final BooleanSupplier cancelRequested;
    private final String prefix;
    private volatile boolean cancelled;
    private String eta = "";

    /** @param prefix what the status line starts with (e.g. "Train ANN fold 2") */
    StatusProgress(StatusService status, LogService log, BooleanSupplier cancelRequested, String prefix) {
        this.status = status;
        this.log = log;
        this.cancelRequested = cancelRequested;
        this.prefix = prefix;
        if (MallocTunables.unset(System.getProperty("os.name", ""), System.getenv(MallocTunables.VARIABLE))) {
            log.info(prefix + ": tip: start Fiji with " + MallocTunables.VARIABLE + "=" + MallocTunables.TUNABLES
                    + " in its environment; SNN training ran 7-9x faster with it where page faults are costly"
                    + " (Hippo SNN's docs/benchmarks.md)");
        }
    }

    @Override
    public void batchDone(int epoch, int epochs, int batch, int batches, double loss) {
        status.showStatus(batch, batches, String.format(Locale.ROOT, "%s: epoch %d/%d, loss %.4f%s",
                prefix, epoch, epochs, loss, eta));
    }

    @Override
    public void epochDone(EpochRecord r, int epochs, double etaSeconds) {
        eta = ", ETA " + duration(etaSeconds);
        String line = String.format(Locale.ROOT, "%s: epoch %d/%d, loss %.4f, validation loss %.4f, validation Dice %.4f%s",
                prefix, r.epoch(), epochs, r.trainLoss(), r.validationLoss(), r.validationDice(), eta);
        status.showStatus(r.epoch(), epochs, line);
        log.info(line);
    }

    @Override
    public void message(String text) {
        status.showStatus(prefix + ": " + text);
        log.info(prefix + ": " + text);
    }

    /**
     * Thread.interrupted() clears the flag on purpose: the trainer still writes its checkpoint
     * after a cancel, and an interrupted thread's file channels would refuse that write.
     */
    @Override
    public boolean cancelled() {
        if (Thread.interrupted() || cancelRequested.getAsBoolean()) cancelled = true;
        return cancelled;
    }

    /** Whether training was stopped by a cancel rather than finished. */
    boolean wasCancelled() {
        return cancelled;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
