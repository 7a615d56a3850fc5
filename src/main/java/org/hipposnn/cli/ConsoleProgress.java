package org.hipposnn.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.hipposnn.training.EpochRecord;
import org.hipposnn.training.TrainingListener;

/**
 * Training progress on the terminal: a bar for the batches of the current epoch (redrawn in place
 * when stderr is a terminal), then one line per epoch with losses, validation Dice, learning rate
 * and ETA.
 */
final class ConsoleProgress implements TrainingListener {
    private final PrintStream out;
    private final boolean interactive;
    private final boolean sparse;

    ConsoleProgress(PrintStream out) {
        this(out, false);
    }

    /** @param sparse a line every tenth of the epochs and no batch bar (many short training jobs, e.g. the demo) */
    ConsoleProgress(PrintStream out, boolean sparse) {
        this.out = out;
        this.sparse = sparse;
        this.interactive = !sparse && System.console() != null;
    }

    private long epochStart;

    @Override
    public void batchDone(int epoch, int epochs, int batch, int batches, double loss) {
        if (sparse) return;
        if (batch == 1) epochStart = System.nanoTime();
        double elapsed = (System.nanoTime() - epochStart) / 1e9;
        String eta = duration(elapsed / batch * (batches - batch));
        if (interactive) {
            int width = 30, filled = batch * width / batches;
            out.printf(Locale.ROOT, "\repoch %d/%d [%s%s] %d/%d loss %.4f  epoch ETA %s", epoch, epochs,
                    "=".repeat(filled), " ".repeat(width - filled), batch, batches, loss, eta);
            out.flush();
        } else if (batch % Math.max(1, batches / 10) == 0 && batch < batches) {
            // logs (batch jobs, nohup): a line every tenth of an epoch, so a long epoch is not silent
            out.printf(Locale.ROOT, "epoch %d/%d  batch %d/%d  loss %.4f  epoch ETA %s%n", epoch, epochs, batch, batches, loss, eta);
        }
    }

    @Override
    public void epochDone(EpochRecord r, int epochs, double eta) {
        if (sparse && r.epoch() % Math.max(1, epochs / 10) != 0 && r.epoch() != epochs) return;
        if (interactive) out.print("\r\033[K");
        out.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  val loss %.4f  val Dice %.4f  lr %.1e  %.1f s  ETA %s%n",
                r.epoch(), epochs, r.trainLoss(), r.validationLoss(), r.validationDice(), r.learningRate(),
                r.seconds(), duration(eta));
    }

    @Override
    public void message(String text) {
        if (interactive) out.print("\r\033[K");
        out.println(text);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
