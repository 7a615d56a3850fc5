package org.hipposnn.experiment;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.Locale;
import org.hipposnn.snn.SnnPredictor;
import org.hipposnn.training.ReduceLrOnPlateau;

/**
 * How much work each stage of the pipeline gets in an experiment: one record, so a report says
 * exactly what was run and the paper's protocol stays one flag away from a reduced one.
 *
 * @param annEpochs        ANN epochs (paper: 100)
 * @param annEarlyStop     stop the ANN after this many epochs without validation improvement (0: never)
 * @param width            channels of the U-Net's first level (paper: 32)
 * @param conversionT      T the converted SNN is scored at (paper: 200)
 * @param conversionCurve  further T the converted SNN is scored at (Dice against T)
 * @param conversionSlices training slices weight normalisation takes its statistics from
 * @param fineTuneT        T of every fine-tuning pass, and the fine-tuned SNN's T
 * @param fineTuneEpochs   fine-tuning epochs (paper: at most 35)
 * @param fineTunedCurve   T the fine-tuned SNN is scored at besides its own (Dice against T)
 * @param directEpochs     epochs of the direct-training baseline (paper: about 60 to converge)
 * @param directT          T of the direct-training baseline (the fine-tuning T: the same budget per epoch)
 * @param testSubjects     score only the first N test subjects of a fold (0: all)
 * @param batch            slices per step (paper: 26)
 * @param trainSubjects    train every stage on a seeded subset of this many of a fold's training subjects (0: all);
 *                         validation and test subjects stay the same
 * @param snnEarlyStop     stop fine-tuning and direct training after this many epochs without validation
 *                         improvement (0: never)
 * @param fineTuneLr       Adam's learning rate for fine-tuning (Rathi: 1e-4)
 * @param snnPatience      ReduceLROnPlateau patience of fine-tuning and direct training (paper's scheduler: 10);
 *                         it is also the convergence test (METHOD.md): the best epoch followed by this many
 *                         epochs without improvement
 * @param snnWarmup        epochs of BCE-Dice that start a BCE fine-tuning or direct-training run (0: none): BCE
 *                         alone leaves the converted SNN's foreground silent (docs/results/crossval.md)
 * @param encoder          input coding of the converted and the directly trained SNNs: "poisson" (the paper) or
 *                         "constant" (the analogue intensity as a current every step, METHOD.md's alternative)
 */
public record Protocol(String name, int annEpochs, int annEarlyStop, int width, int conversionT, int[] conversionCurve,
                       int conversionSlices, int fineTuneT, int fineTuneEpochs, int[] fineTunedCurve,
                       int directEpochs, int directT, int testSubjects, int batch, int trainSubjects, int snnEarlyStop,
                       double fineTuneLr, int snnPatience, int snnWarmup, String encoder) {

    public Protocol {
        if (encoder == null) encoder = "poisson"; // experiment.json written before the field existed
        SnnPredictor.encoder(encoder); // refuses an unknown coding
        if (annEpochs < 1 || fineTuneEpochs < 1 || directEpochs < 0) throw new IllegalArgumentException("epochs must be >= 1");
        if (trainSubjects < 0 || snnEarlyStop < 0 || annEarlyStop < 0) {
            throw new IllegalArgumentException("training subjects and early stops must be >= 0 (0: all, never)");
        }
        if (!(fineTuneLr > 0) || snnPatience < 1) throw new IllegalArgumentException("fine-tuning lr must be > 0 and patience >= 1");
        if (snnWarmup < 0) throw new IllegalArgumentException("SNN warm-up epochs must be >= 0");
        if (width < 1 || conversionT < 1 || fineTuneT < 1 || directT < 1 || batch < 1 || conversionSlices < 1) {
            throw new IllegalArgumentException("width, T, slices and batch must be >= 1");
        }
        conversionCurve = conversionCurve.clone();
        fineTunedCurve = fineTunedCurve.clone();
    }

    /**
     * The paper's protocol (Section 4): 100 ANN epochs, T = 200 conversion, at most 35 fine-tuning
     * epochs at T = 20; fine-tuning and direct training (at most 100 epochs) stop once converged.
     */
    public static Protocol paper() {
        return new Protocol("paper", 100, 0, 32, 200, new int[] {25, 50, 100}, 260, 20, 35, new int[] {10, 16, 32, 64},
                100, 20, 0, 26, 0, ReduceLrOnPlateau.DEFAULT_PATIENCE,
                RATHI_LR, ReduceLrOnPlateau.DEFAULT_PATIENCE, 0, "poisson");
    }

    /**
     * What fits two CPU cores in a working day for a 5-fold grid: ANN with early stopping, the
     * converted SNN scored at T = 100 on the first 10 test subjects of each fold, fine-tuning at T = 10.
     */
    public static Protocol reduced() {
        return new Protocol("reduced", 40, 8, 32, 100, new int[] {10, 25, 50}, 260, 10, 2, new int[] {16, 32},
                2, 10, 10, 26, 0, 0, RATHI_LR, ReduceLrOnPlateau.DEFAULT_PATIENCE, 0, "poisson");
    }

    /**
     * What fits the whole 5-fold x 3-loss grid in about two hours on two CPU cores (two jobs
     * side by side, one thread each): an 8-channel U-Net trained on 48 of each fold's training
     * subjects, the ANN to early stopping, 8 epochs of fine-tuning and of direct training at T = 10,
     * every stage scored on the first 10 test subjects of each fold.
     */
    public static Protocol quick() {
        return new Protocol("quick", 60, 10, 8, 100, new int[] {10, 25, 50}, 260, 10, 8, new int[] {16, 32},
                8, 10, 10, 26, 48, 0, RATHI_LR, ReduceLrOnPlateau.DEFAULT_PATIENCE, 0, "poisson");
    }

    /**
     * The quick protocol with fine-tuning as the paper runs it, at T = 20, and Adam at 1e-3 (the
     * ANN's rate; chosen on fold 0's validation loss, docs/results/crossval.md): at most 6 epochs,
     * the scheduler's patience 2, and a run stops once converged by that patience. The direct-training
     * baseline is trained the same way. ANN and conversion settings are the quick protocol's.
     */
    public static Protocol quickT20() {
        return new Protocol("quick-t20", 60, 10, 8, 100, new int[] {10, 25, 50}, 260, 20, 6, new int[] {10, 32},
                6, 20, 10, 26, 48, 2, 1e-3, 2, 0, "poisson");
    }

    /**
     * quick-t20 with the learning rate decayed before a run stops: patience 1, so two epochs without
     * improvement drop Adam's rate from 1e-3 to 1e-4, and a run stops after four (two more at 1e-4);
     * at most 10 epochs. In quick-t20 the stop (2 epochs) came before the scheduler's drop (3), so
     * no run ever trained at the lower rate. BCE runs start with one epoch of BCE-Dice. Everything
     * else is quick-t20's.
     */
    public static Protocol quickT20Decay() {
        return new Protocol("quick-t20-decay", 60, 10, 8, 100, new int[] {10, 25, 50}, 260, 20, 10, new int[] {10, 32},
                10, 20, 10, 26, 48, 4, 1e-3, 1, 1, "poisson");
    }

    /**
     * quick-t20-decay with constant-current input instead of Poisson spikes, from the conversion on: at
     * T = 20 a Poisson train carries a pixel's intensity with a standard error of up to 0.11, noise the
     * fine-tuned SNN has to learn around. Chosen on fold 0's validation subjects (docs/results/crossval.md).
     * ANN settings are quick-t20-decay's, so that grid's ANN jobs serve this one.
     */
    public static Protocol quickT20Constant() {
        return quickT20Decay().with("name", "quick-t20-constant").with("encoder", "constant");
    }

    /**
     * The shipped model's recipe on every fold (docs/results/shipped-recipe-folds.md, there run with the
     * single-step commands): the full-size U-Net on all of a fold's training subjects, the ANN to early
     * stopping (at most 40 epochs, stop after 12 without improvement), weight normalisation with
     * constant-current input, one fine-tuning epoch at T = 20 with Adam 1e-3; the converted SNN scored
     * at the fine-tuned T (and at 50, 100), the direct baseline given the same one epoch. All test subjects.
     */
    public static Protocol recipe() {
        return new Protocol("recipe", 40, 12, 32, 20, new int[] {50, 100}, 260, 20, 1, new int[] {10, 32},
                1, 20, 0, 26, 0, 0, 1e-3, ReduceLrOnPlateau.DEFAULT_PATIENCE, 0, "constant");
    }

    /**
     * Where hybrid fine-tuning and direct training can both run to convergence on two CPU cores
     * (docs/results/convergence-fold0.md, there run with the single-step commands of pair.sh): a 16-channel
     * U-Net trained on 24 of a fold's training subjects, the ANN to early stopping (at most 100 epochs, stop
     * after 10 without improvement), weight normalisation with constant-current input, fine-tuning (at most
     * 60 epochs) and direct training (at most 150) at T = 20 with Adam 1e-3, each stopped 10 epochs after
     * its best, the paper's scheduler patience, so every run that stops early has converged. All test subjects.
     */
    public static Protocol convergence() {
        return new Protocol("convergence", 100, 10, 16, 20, new int[] {10, 32}, 260, 20, 60, new int[] {10, 32},
                150, 20, 0, 26, 24, 10, 1e-3, ReduceLrOnPlateau.DEFAULT_PATIENCE, 0, "constant");
    }

    /**
     * A tiny network and few epochs: the demo and CI on the phantoms of test-data/ (seconds per stage).
     * The shipped recipe's SNN settings (constant-current input, T = 20, Adam 1e-3), with batches of 4
     * so that two training phantoms give 12 steps an epoch: at T = 10 with Poisson input and Rathi's
     * rate, 15 epochs of batch 12 left every fold's SNN silent (docs/demo/settings.md).
     */
    public static Protocol small() {
        return new Protocol("small", 60, 0, 8, 20, new int[] {10, 50, 100}, 48, 20, 15, new int[] {10, 32},
                15, 20, 0, 4, 0, 0, 1e-3, ReduceLrOnPlateau.DEFAULT_PATIENCE, 0, "constant");
    }

    /** Rathi et al.'s fine-tuning learning rate (METHOD.md). */
    public static final double RATHI_LR = 1e-4;

    /** paper, reduced, quick, quick-t20, quick-t20-decay, quick-t20-constant, recipe, convergence or small. */
    public static Protocol named(String name) {
        return switch (name == null ? "" : name.trim().toLowerCase(Locale.ROOT)) {
            case "paper" -> paper();
            case "reduced" -> reduced();
            case "quick" -> quick();
            case "quick-t20" -> quickT20();
            case "quick-t20-decay" -> quickT20Decay();
            case "quick-t20-constant" -> quickT20Constant();
            case "recipe" -> recipe();
            case "convergence" -> convergence();
            case "small" -> small();
            default -> throw new IllegalArgumentException("protocol is paper, reduced, quick, quick-t20, quick-t20-decay, quick-t20-constant, recipe, convergence or small, not '" + name + "'");
        };
    }

    /** The same protocol scoring the first N test subjects of each fold (0: all). */
    public Protocol withTestSubjects(int n) {
        if (n < 0) throw new IllegalArgumentException("test subjects must be >= 0 (0: all), got " + n);
        return with("testSubjects", n);
    }

    /** The same protocol with other epoch counts (a quick profile for tests; 0 keeps the value). */
    public Protocol withEpochs(int ann, int fineTune, int direct) {
        return with("annEpochs", ann > 0 ? ann : annEpochs).with("fineTuneEpochs", fineTune > 0 ? fineTune : fineTuneEpochs)
                .with("directEpochs", direct > 0 ? direct : directEpochs);
    }

    /** The same protocol training every stage on a seeded subset of N training subjects per fold (0: all). */
    public Protocol withTrainSubjects(int n) {
        if (n < 0) throw new IllegalArgumentException("training subjects must be >= 0 (0: all), got " + n);
        return with("trainSubjects", n);
    }

    /** A copy with one setting changed, through the JSON form experiment.json holds (one copy, not one per setting). */
    private Protocol with(String field, Object value) {
        JsonObject o = GSON.toJsonTree(this).getAsJsonObject();
        if (!o.has(field)) throw new IllegalArgumentException("no setting " + field);
        o.add(field, GSON.toJsonTree(value));
        return GSON.fromJson(o, Protocol.class);
    }

    private static final Gson GSON = new Gson();

    /**
     * Without snnWarmup when it is 0 and encoder when it is Poisson, so experiment.json files written
     * before those settings existed still match.
     */
    public JsonObject toJson() {
        JsonObject o = GSON.toJsonTree(this).getAsJsonObject();
        if (snnWarmup == 0) o.remove("snnWarmup");
        if (encoder.equals("poisson")) o.remove("encoder");
        return o;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %s; ANN %d epochs%s, width %d; converted scored at T = %d (also %s) on %s test subjects; "
                        + "fine-tuning %d epochs at T = %d, Adam %s (also scored at %s); direct training %d epochs at T = %d%s; "
                        + "SNN scheduler patience %d%s; batch %d%s",
                name, trainSubjects > 0 ? "trained on " + trainSubjects + " subjects per fold" : "trained on all of a fold's training subjects",
                annEpochs, annEarlyStop > 0 ? " (early stop " + annEarlyStop + ")" : "", width, conversionT,
                Arrays.toString(conversionCurve), testSubjects > 0 ? "the first " + testSubjects : "all", fineTuneEpochs, fineTuneT,
                java.math.BigDecimal.valueOf(fineTuneLr).stripTrailingZeros().toPlainString(), Arrays.toString(fineTunedCurve), directEpochs, directT,
                snnEarlyStop > 0 ? " (both stop after " + snnEarlyStop + " epochs without improvement)" : "", snnPatience,
                snnWarmup > 0 ? "; BCE runs start with " + snnWarmup + " epoch(s) of BCE-Dice" : "", batch,
                encoder.equals("poisson") ? "" : "; " + encoder + "-current input (not Poisson spikes)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Protocol p && toJson().equals(p.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }
}
