package org.hipposnn.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hipposnn.engine.Adam;
import org.hipposnn.engine.Buffers;
import org.hipposnn.engine.Losses;
import org.hipposnn.engine.TrainableNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training loop shared by the ANN, SNN fine-tuning and direct SNN training: seeded shuffling,
 * Adam, ReduceLROnPlateau on the validation loss, the best epoch's weights kept, a checkpoint after
 * every epoch (resumable), progress to a {@link TrainingListener}, and clear stops on a
 * non-finite loss or cancellation.
 *
 * <p>Convergence (one definition everywhere, METHOD.md): the epoch with the lowest validation loss;
 * a run "has converged" once {@code plateauPatience} further epochs brought no improvement.
 */
public final class Trainer {

    /** What a run produced. */
    public record Result(Map<String, INDArray> bestWeights, int bestEpoch, double bestValidationLoss,
                         boolean converged, List<EpochRecord> history, boolean cancelled) {
        /** The convergence epoch (1-based), as defined in {@link Trainer}. */
        public int convergenceEpoch() { return bestEpoch; }
    }

    /** The loss became NaN or infinite; the last checkpoint (if any) is intact. */
    public static final class DivergedException extends RuntimeException {
        DivergedException(String message) { super(message); }
    }

    private final TrainableNetwork net;
    private final TrainingSettings settings;
    private final Path checkpointFile;
    private final TrainingListener listener;

    /**
     * @param checkpointFile where the per-epoch checkpoint goes (resumed from if it exists); null for none
     */
    public Trainer(TrainableNetwork net, TrainingSettings settings, Path checkpointFile, TrainingListener listener) {
        this.net = net;
        this.settings = settings;
        this.checkpointFile = checkpointFile;
        this.listener = listener == null ? TrainingListener.NONE : listener;
    }

    public Result fit(SliceSet train, SliceSet validation) throws IOException {
        if (train.size() == 0) throw new IllegalArgumentException("no training slices");
        if (validation.size() == 0) throw new IllegalArgumentException("no validation slices");
        Adam adam = new Adam(settings.learningRate());
        ReduceLrOnPlateau plateau = new ReduceLrOnPlateau(settings.plateauFactor(), settings.plateauPatience(),
                ReduceLrOnPlateau.DEFAULT_THRESHOLD, 0);
        List<EpochRecord> history = new ArrayList<>();
        Map<String, INDArray> best = copy(net.weights());
        int bestEpoch = 0, start = 1;
        double bestLoss = Double.POSITIVE_INFINITY;

        if (checkpointFile != null && Files.exists(checkpointFile)) {
            Checkpoint c = Checkpoint.load(checkpointFile);
            if (!c.settings().equals(settings.toJson())) {
                throw new IllegalStateException(checkpointFile + " was made with other settings " + c.settings()
                        + "; delete it or use the same settings to resume");
            }
            c.weights().forEach((k, w) -> net.weights().get(k).assign(w));
            adam.restore(c.adamSteps(), c.adamFirst(), c.adamSecond());
            adam.setLearningRate(c.learningRate());
            plateau.restore(c.plateauBest(), c.plateauBadEpochs());
            history.addAll(c.history());
            best = c.bestWeights();
            bestEpoch = c.bestEpoch();
            bestLoss = c.bestLoss();
            start = c.epoch() + 1;
            listener.message("resumed from " + checkpointFile.getFileName() + " after epoch " + c.epoch());
        }

        int batches = (train.size() + settings.batchSize() - 1) / settings.batchSize();
        boolean cancelled = false;
        int epoch = start;
        for (; epoch <= settings.epochs() && !stopEarly(epoch - 1, bestEpoch, settings.earlyStop()); epoch++) {
            long t0 = System.nanoTime();
            Losses.Kind loss = epoch <= settings.warmupEpochs() ? settings.warmupLoss() : settings.loss();
            int[] order = shuffled(train.size(), settings.seed() * 1_000_003L + epoch);
            net.seedDropout(settings.seed() * 7_919L + epoch);
            double sum = 0;
            for (int b = 0; b < batches; b++) {
                if (listener.cancelled()) { cancelled = true; break; }
                int from = b * settings.batchSize(), to = Math.min(train.size(), from + settings.batchSize());
                INDArray x = train.images(order, from, to), y = train.labels(order, from, to);
                Losses.Value v = loss.evaluate(net.forward(x, true), y);
                if (!Double.isFinite(v.loss())) {
                    throw new DivergedException("the loss became " + v.loss() + " at epoch " + epoch + ", batch " + (b + 1)
                            + (checkpointFile != null && Files.exists(checkpointFile)
                                ? "; the last good checkpoint (epoch " + (epoch - 1) + ") is kept in " + checkpointFile
                                : "") + ". Try a lower learning rate.");
                }
                Map<String, INDArray> g = net.backward(v.gradient());
                adam.step(net.weights(), g);
                Buffers.release(v.gradient(), x, y);
                sum += v.loss() * (to - from);
                listener.batchDone(epoch, settings.epochs(), b + 1, batches, v.loss());
            }
            if (cancelled) break;
            Validation val = Validation.of(net, validation, settings.loss(), settings.batchSize());
            double lr = adam.learningRate();
            EpochRecord r = new EpochRecord(epoch, sum / train.size(), val.loss(), val.dice(), val.foregroundFraction(),
                    lr, (System.nanoTime() - t0) / 1e9);
            history.add(r);
            if (val.loss() < bestLoss) {
                bestLoss = val.loss();
                bestEpoch = epoch;
                Buffers.release(best.values().toArray(INDArray[]::new));
                best = copy(net.weights());
            }
            if (val.foregroundFraction() == 0 && epoch > settings.warmupEpochs()) {
                listener.message("epoch " + epoch + ": the network predicts no hippocampus at all on the validation"
                        + " slices (collapsed to background); consider a warm-up (--bce-warmup, --warmup) or another loss");
            }
            adam.setLearningRate(plateau.step(val.loss(), lr));
            if (checkpointFile != null) {
                new Checkpoint(settings.toJson(), epoch, adam.learningRate(), adam.steps(), plateau.best(),
                        plateau.badEpochs(), bestEpoch, bestLoss, history, net.weights(), adam.firstMoments(),
                        adam.secondMoments(), best).save(checkpointFile);
            }
            double mean = history.stream().skip(Math.max(0, history.size() - 5)).mapToDouble(EpochRecord::seconds).average().orElse(0);
            listener.epochDone(r, settings.epochs(), mean * (settings.epochs() - epoch));
        }
        return new Result(best, bestEpoch, bestLoss, converged(epoch - 1, bestEpoch, settings.plateauPatience()),
                List.copyOf(history), cancelled);
    }

    /** The convergence test: {@code patience} epochs after the best one brought no improvement. */
    public static boolean converged(int epochsRun, int bestEpoch, int patience) {
        return epochsRun - bestEpoch >= patience;
    }

    private static boolean stopEarly(int lastEpoch, int bestEpoch, int earlyStop) {
        return earlyStop > 0 && bestEpoch > 0 && converged(lastEpoch, bestEpoch, earlyStop);
    }

    public static int[] shuffled(int n, long seed) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1), t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> weights) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        weights.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }
}
