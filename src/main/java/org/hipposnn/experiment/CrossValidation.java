package org.hipposnn.experiment;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.hipposnn.ann.AnnTraining;
import org.hipposnn.ann.AnnPredictor;
import org.hipposnn.conversion.ConversionSettings;
import org.hipposnn.conversion.ConvertAndScore;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.data.Preprocessing;
import org.hipposnn.engine.Losses;
import org.hipposnn.eval.Evaluation;
import org.hipposnn.eval.LatencyCurve;
import org.hipposnn.finetune.SnnFineTuning;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
import org.hipposnn.network.UNetSpec;
import org.hipposnn.segment.Predictors;
import org.hipposnn.segment.Segmenter;
import org.hipposnn.snn.LayerSpikeStats;
import org.hipposnn.snn.ResetGradient;
import org.hipposnn.snn.SnnPredictor;
import org.hipposnn.snn.SpikeTable;
import org.hipposnn.snn.Surrogate;
import org.hipposnn.training.ReduceLrOnPlateau;
import org.hipposnn.training.TrainingListener;
import org.hipposnn.training.TrainingSettings;

/**
 * The paper's Section 4 as a grid of jobs: for every (fold, loss), the ANN, its conversion, the
 * fine-tuned SNN, and the direct-training baseline. Every job writes its model bundle and its
 * {@link StageResult} under {@code fold-K/<loss>/} and is skipped when its result exists; training
 * jobs keep a checkpoint beside their bundle and resume from it, so a long grid survives
 * interruption and can be spread over machines that share (or later merge) the folder. All stages
 * of a (fold, loss) are scored on the same held-out subjects.
 */
public final class CrossValidation {
    /** The learning rates: the paper's Adam 1e-3 for the ANN and direct training (fine-tuning's is the protocol's). */
    public static final double ANN_LR = 1e-3, DIRECT_LR = 1e-3;

    private final MsdDataset data;
    private final Path root;
    private final int folds;
    private final long splitSeed;
    private final Protocol protocol;
    private final Preprocessing pre = Preprocessing.defaults();
    private TrainingListener listener = TrainingListener.NONE;
    private Consumer<String> log = m -> {};

    public CrossValidation(MsdDataset data, Path root, int folds, long splitSeed, Protocol protocol) {
        if (folds < 2) throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
        if (data.ids().size() < folds) {
            throw new IllegalArgumentException(data.root() + ": " + data.ids().size() + " cases cannot make " + folds + " folds");
        }
        this.data = data;
        this.root = root;
        this.folds = folds;
        this.splitSeed = splitSeed;
        this.protocol = protocol;
    }

    /** Told about each epoch of every training job. */
    public CrossValidation listener(TrainingListener l) { this.listener = l; return this; }

    /** Told a line per job started, skipped or finished. */
    public CrossValidation log(Consumer<String> l) { this.log = l; return this; }

    public Path root() { return root; }

    public DataSplit split(int fold) {
        return DataSplit.of(data.ids(), fold, folds, splitSeed, DataSplit.DEFAULT_VALIDATION_FRACTION, protocol.trainSubjects());
    }

    /** Where a job's model bundle goes. */
    public Path bundle(int fold, Losses.Kind loss, Stage stage) {
        return StageResult.file(root, fold, loss.id(), stage).resolveSibling(stage.id() + ".zip");
    }

    /** Runs every job of the grid not done yet, stages in pipeline order, and returns every result. */
    public List<StageResult> run(int[] onlyFolds, List<Losses.Kind> losses, List<Stage> stages) throws IOException {
        int[] fs = onlyFolds == null || onlyFolds.length == 0 ? IntStream.range(0, folds).toArray() : onlyFolds;
        for (int f : fs) if (f < 0 || f >= folds) throw new IllegalArgumentException("fold must be in 0.." + (folds - 1) + ", got " + f);
        List<StageResult> out = new ArrayList<>();
        for (int f : fs) {
            for (Losses.Kind loss : losses) {
                for (Stage s : Stage.values()) if (stages.contains(s)) out.add(run(f, loss, s));
            }
        }
        return out;
    }

    /** One job: its result if already there, otherwise runs it (and the jobs it needs first). */
    public StageResult run(int fold, Losses.Kind loss, Stage stage) throws IOException {
        checkSameExperiment();
        Path file = StageResult.file(root, fold, loss.id(), stage);
        if (Files.exists(file)) {
            log.accept("done before: fold " + fold + ", " + loss.id() + ", " + stage.id());
            return StageResult.read(file);
        }
        if (listener.cancelled()) throw new java.util.concurrent.CancellationException("cancelled before fold " + fold + ", " + loss.id() + ", " + stage.id());
        log.accept("fold " + fold + ", " + loss.id() + ", " + stage.id());
        long t0 = System.nanoTime();
        DataSplit split = split(fold);
        List<MsdDataset.Case> test = data.select(split.test());
        if (protocol.testSubjects() > 0) test = test.subList(0, Math.min(protocol.testSubjects(), test.size()));
        Path bundle = bundle(fold, loss, stage);
        Files.createDirectories(bundle.getParent());
        Path checkpoint = bundle.resolveSibling(bundle.getFileName() + ".checkpoint");
        StageResult r;
        try {
            r = switch (stage) {
                case ANN -> ann(fold, loss, split, test, bundle, checkpoint, t0);
                case CONVERTED -> converted(fold, loss, split, test, bundle, t0);
                case FINE_TUNED -> fineTuned(fold, loss, split, test, bundle, checkpoint, t0);
                case DIRECT -> direct(fold, loss, split, test, bundle, checkpoint, t0);
            };
        } catch (org.hipposnn.training.Trainer.DivergedException | OutOfMemoryError e) {
            String what = e instanceof OutOfMemoryError ? "out of memory (try more heap, java -Xmx...)" : e.getMessage();
            throw new IllegalStateException("fold " + fold + ", " + loss.id() + ", " + stage.id() + ": " + what
                    + (Files.exists(checkpoint) ? "; the last epoch's checkpoint is kept in " + checkpoint : ""), e);
        }
        r.write(file);
        Files.deleteIfExists(checkpoint);
        log.accept(String.format(java.util.Locale.ROOT, "fold %d, %s, %s: 3-D Dice %.3f%s on %d held-out subject(s), %.0f s",
                fold, loss.id(), stage.id(), r.dice3dMean(), r.timeSteps() > 0 ? " at T = " + r.timeSteps() : "", r.subjects(),
                r.seconds()));
        return r;
    }

    /**
     * Results are only reused by the experiment that made them: the folder records its protocol and
     * split (experiment.json), and another protocol or split is refused rather than mixed in.
     */
    private void checkSameExperiment() throws IOException {
        JsonObject mine = protocol.toJson();
        mine.addProperty("folds", folds);
        mine.addProperty("splitSeed", splitSeed);
        Path f = root.resolve("experiment.json");
        if (Files.exists(f)) {
            JsonObject theirs = readExperiment(f);
            if (!theirs.equals(mine)) {
                throw new IllegalArgumentException(root + " holds an experiment with other settings (" + f + "): " + theirs
                        + "; use another output folder");
            }
        } else {
            Files.createDirectories(root);
            org.hipposnn.io.AtomicFiles.writeStream(f, o -> o.write(mine.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** The protocol an experiment folder was made with (its experiment.json), if it has been started. */
    public static java.util.Optional<Protocol> protocolOf(Path root) throws IOException {
        Path f = root.resolve("experiment.json");
        if (!Files.exists(f)) return java.util.Optional.empty();
        try {
            return java.util.Optional.of(new com.google.gson.Gson().fromJson(readExperiment(f), Protocol.class));
        } catch (RuntimeException e) { // Gson wraps the record's own refusal (e.g. an unknown encoder)
            Throwable why = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IOException(f + ": not a valid protocol (" + why.getMessage() + ")", e);
        }
    }

    /** The settings an experiment folder was made with (its experiment.json). */
    private static JsonObject readExperiment(Path f) throws IOException {
        try {
            return com.google.gson.JsonParser.parseString(Files.readString(f)).getAsJsonObject();
        } catch (com.google.gson.JsonParseException | IllegalStateException e) {
            throw new IOException(f + ": not an experiment record (" + e.getMessage() + ")");
        }
    }

    private StageResult ann(int fold, Losses.Kind loss, DataSplit split, List<MsdDataset.Case> test, Path bundle, Path checkpoint,
                            long t0) throws IOException {
        UNetSpec spec = network();
        TrainingSettings settings = new TrainingSettings(loss, protocol.annEpochs(), protocol.batch(), ANN_LR, 1,
                ReduceLrOnPlateau.DEFAULT_FACTOR, ReduceLrOnPlateau.DEFAULT_PATIENCE, loss == Losses.Kind.DICE ? 1 : 0,
                Losses.Kind.BCE, protocol.annEarlyStop());
        Map<String, JsonElement> expected = expected(split);
        expected.put("training.settings", settings.toJson());
        Trained t = trainOnce(bundle, checkpoint, Stage.ANN, expected,
                () -> new AnnTraining(data, split, spec, pre, settings).listener(listener).checkpoint(checkpoint).scoring(false).run());
        ModelBundle b = t.bundle();
        Evaluation.Report rep = Evaluation.run(new Segmenter(pre, new AnnPredictor(spec, b.weights(), protocol.batch())), pre, test, null);
        return result(fold, loss, Stage.ANN, 0, rep, b.training().get("epochsRun").getAsInt(),
                b.training().get("bestEpoch").getAsInt(), settings.plateauPatience(), t0 - t.earlierNanos(), new TreeMap<>(), List.of());
    }

    private StageResult converted(int fold, Losses.Kind loss, DataSplit split, List<MsdDataset.Case> test, Path bundle, long t0)
            throws IOException {
        ModelBundle ann = ModelFiles.load(need(fold, loss, Stage.ANN));
        ConversionSettings settings = ConversionSettings.withDefaults("weight-normalisation", protocol.conversionT(), protocol.encoder(),
                protocol.conversionSlices(), null, null, ConversionSettings.DEFAULT_SCALE, 1);
        Consumer<String> progress = line -> {
            if (listener.cancelled()) throw new java.util.concurrent.CancellationException("cancelled during the conversion");
            log.accept(line);
        };
        Map<String, JsonElement> expected = expected(split);
        expected.put("training.conversion", settings.toJson());
        madeFrom(expected, ann, "training.settings", "training.bestValidationLoss"); // this grid's ANN, not another
        Optional<ModelBundle> before = finished(bundle, bundle.resolveSibling(bundle.getFileName() + ".checkpoint"), Stage.CONVERTED, expected);
        ConvertAndScore.Result c = before.isPresent()
                ? ConvertAndScore.score(before.get(), test, protocol.conversionCurve(), true, progress)
                : ConvertAndScore.run(ann, data, split, settings, protocol.conversionCurve(), protocol.testSubjects(), progress);
        if (before.isEmpty()) ModelFiles.save(bundle, c.snn());
        SortedMap<Integer, Double> byT = new TreeMap<>();
        c.byTimeSteps().forEach((t, rep) -> byT.put(t, rep.dice3d().mean()));
        return result(fold, loss, Stage.CONVERTED, protocol.conversionT(), c.test(), 0, 0, 0, t0, byT, c.spikes());
    }

    private StageResult fineTuned(int fold, Losses.Kind loss, DataSplit split, List<MsdDataset.Case> test, Path bundle,
                                  Path checkpoint, long t0) throws IOException {
        ModelBundle converted = ModelFiles.load(need(fold, loss, Stage.CONVERTED));
        TrainingSettings settings = bptt(loss, protocol.fineTuneEpochs(), protocol.fineTuneLr());
        Map<String, JsonElement> expected = expectedSnn(split, Stage.FINE_TUNED, settings, protocol.fineTuneT());
        madeFrom(expected, converted, "training.conversion", "training.bestValidationLoss"); // this grid's conversion
        Trained t = trainOnce(bundle, checkpoint, Stage.FINE_TUNED, expected, () -> new SnnFineTuning(converted, data, split,
                settings, protocol.fineTuneT(), Surrogate.defaults(),
                ResetGradient.DETACHED).listener(listener).checkpoint(checkpoint).scoring(false).run());
        ModelBundle b = t.bundle();
        StageResult r = scoreSnn(fold, loss, Stage.FINE_TUNED, b, test, protocol.fineTunedCurve(), t0 - t.earlierNanos());
        if (!test.isEmpty()) {
            try { // a figure, not a result: its failure (e.g. no fonts on a server) does not fail the job
                ExampleFigure.write(bundle.resolveSibling("fig2.png"), test.get(0), pre, ModelFiles.load(bundle(fold, loss, Stage.ANN)),
                        converted, b);
            } catch (IOException | RuntimeException | Error e) {
                log.accept("fig2.png not drawn: " + e);
            }
        }
        return r;
    }

    private StageResult direct(int fold, Losses.Kind loss, DataSplit split, List<MsdDataset.Case> test, Path bundle,
                               Path checkpoint, long t0) throws IOException {
        TrainingSettings settings = bptt(loss, protocol.directEpochs(), DIRECT_LR);
        Trained t = trainOnce(bundle, checkpoint, Stage.DIRECT, expectedSnn(split, Stage.DIRECT, settings, protocol.directT()),
                () -> new SnnFineTuning(
                SnnFineTuning.randomStart(network(), pre, data, split, protocol.directT(), protocol.encoder(), 1), data, split,
                settings, protocol.directT(), Surrogate.defaults(), ResetGradient.DETACHED)
                .stage("direct").listener(listener).checkpoint(checkpoint).scoring(false).run());
        return scoreSnn(fold, loss, Stage.DIRECT, t.bundle(), test, new int[0], t0 - t.earlierNanos());
    }

    /** An SNN job's bundle, and the training time it took before this run (0 when trained now). */
    private record Trained(ModelBundle bundle, long earlierNanos) {}

    private interface Training {
        ModelBundle run() throws IOException;
    }

    /**
     * Trains a job and saves its bundle — unless a finished bundle of this job is there already
     * ({@link #finished}): then it is scored, not trained again, and its recorded training time still counts.
     */
    private Trained trainOnce(Path bundle, Path checkpoint, Stage stage, Map<String, JsonElement> expected, Training training)
            throws IOException {
        Optional<ModelBundle> before = finished(bundle, checkpoint, stage, expected);
        if (before.isPresent()) {
            double s = LearningCurve.of(bundle.toString(), before.get().training()).stream().filter(c -> c.stage().equals(stage.id()))
                    .mapToDouble(LearningCurve::seconds).sum();
            return new Trained(before.get(), (long) (s * 1e9));
        }
        ModelBundle b = training.run();
        stopIfCancelled(checkpoint);
        ModelFiles.save(bundle, b);
        return new Trained(b, 0);
    }

    /**
     * A finished bundle where this job writes its own, its result file missing: the job stopped while
     * scoring, the result was removed to score it again with a newer build, or the bundle was made
     * elsewhere (another machine, the single-step commands) and copied in. A bundle with a checkpoint
     * beside it has not finished and resumes training instead. The bundle is this job's only if its
     * record (model.json) holds every value of {@code expected} — this job's split, network and
     * settings, and the upstream bundle it was made from — and it is refused otherwise, so a grid never
     * mixes in a model made another way.
     *
     * @param expected paths into the bundle's model.json ("training.settings", ...) and the values this job would record
     */
    private Optional<ModelBundle> finished(Path bundle, Path checkpoint, Stage stage, Map<String, JsonElement> expected)
            throws IOException {
        if (!Files.exists(bundle) || Files.exists(checkpoint)) return Optional.empty();
        ModelBundle b = ModelFiles.load(bundle);
        BundleRecord record = new BundleRecord(b);
        Map<String, JsonElement> all = new LinkedHashMap<>();
        all.put("training.stage", new JsonPrimitive(stage.id()));
        all.putAll(expected);
        for (Map.Entry<String, JsonElement> e : all.entrySet()) {
            JsonElement theirs = record.at(e.getKey());
            if (!e.getValue().equals(theirs)) {
                throw new IOException(bundle + " is not this job's model: its " + e.getKey() + " is " + theirs + ", this job's "
                        + e.getValue() + "; move it away to run the job again");
            }
        }
        log.accept("scoring " + bundle + ", " + (stage == Stage.CONVERTED ? "converted" : "trained") + " before (its result file is missing)");
        return Optional.of(b);
    }

    /** What every job's bundle records the same way: the fold's split and the protocol's network. */
    private Map<String, JsonElement> expected(DataSplit split) {
        Map<String, JsonElement> m = new LinkedHashMap<>();
        m.put("training.split", split.toJson());
        m.put("network", GSON.toJsonTree(network()));
        return m;
    }

    /** An SNN training job's record: its BPTT settings, T, surrogate gradient, reset and input coding. */
    private Map<String, JsonElement> expectedSnn(DataSplit split, Stage stage, TrainingSettings settings, int timeSteps) {
        Map<String, JsonElement> m = expected(split);
        m.put("training." + stage.id() + ".settings", settings.toJson());
        m.put("training." + stage.id() + ".timeSteps", new JsonPrimitive(timeSteps));
        m.put("training." + stage.id() + ".surrogate", new JsonPrimitive(Surrogate.defaults().toString()));
        m.put("training." + stage.id() + ".resetGradient", new JsonPrimitive(ResetGradient.DETACHED.name()));
        m.put("spiking.encoder", new JsonPrimitive(protocol.encoder()));
        return m;
    }

    /** Requires the values of these record paths to be the upstream bundle's (the bundle was made from it). */
    private static void madeFrom(Map<String, JsonElement> expected, ModelBundle upstream, String... paths) {
        BundleRecord record = new BundleRecord(upstream);
        for (String p : paths) expected.put(p, record.at(p));
    }

    private static final Gson GSON = new Gson();

    /** A cancelled training job writes neither bundle nor result; its checkpoint resumes it. */
    private void stopIfCancelled(Path checkpoint) {
        if (listener.cancelled()) {
            throw new java.util.concurrent.CancellationException("cancelled" + (Files.exists(checkpoint) ? "; " + checkpoint + " resumes the job" : ""));
        }
    }

    /** The protocol's U-Net for the preprocessed slices: the ANN's, and the directly trained SNN's. */
    private UNetSpec network() {
        int[] shape = pre.sliceShape();
        return new UNetSpec(shape[1], shape[2], protocol.width(), UNetSpec.DEFAULT_DEPTH, UNetSpec.DEFAULT_KERNEL,
                UNetSpec.DEFAULT_DROPOUT);
    }

    private TrainingSettings bptt(Losses.Kind loss, int epochs, double lr) {
        return TrainingSettings.bptt(loss, epochs, protocol.batch(), lr, 1, protocol.snnPatience(),
                loss == Losses.Kind.BCE ? protocol.snnWarmup() : 0, protocol.snnEarlyStop());
    }

    /** Scores an SNN at its own T (with its spike statistics), then at the further T of a curve. */
    private StageResult scoreSnn(int fold, Losses.Kind loss, Stage stage, ModelBundle b, List<MsdDataset.Case> test, int[] curve,
                                 long t0) throws IOException {
        int t = b.spiking().timeSteps();
        SnnPredictor p = new SnnPredictor(b.network(), b.weights(), b.spiking(), t, Predictors.SEED, protocol.batch());
        Evaluation.Report rep = Evaluation.run(new Segmenter(pre, p), pre, test, null);
        List<LayerSpikeStats> spikes = p.layerStats();
        SortedMap<Integer, Double> byT = new TreeMap<>();
        byT.put(t, rep.dice3d().mean());
        int[] others = IntStream.of(curve).filter(x -> x != t).sorted().distinct().toArray();
        if (others.length > 0) {
            SnnPredictor longest = new SnnPredictor(b.network(), b.weights(), b.spiking(), others[others.length - 1],
                    Predictors.SEED, protocol.batch());
            LatencyCurve.run(longest, pre, test, others, null).forEach((k, v) -> byT.put(k, v.dice3d().mean()));
        }
        JsonObject stageInfo = b.training().getAsJsonObject(stage == Stage.DIRECT ? "direct" : "fine-tuned");
        return result(fold, loss, stage, t, rep, stageInfo.get("epochsRun").getAsInt(), stageInfo.get("convergenceEpoch").getAsInt(),
                protocol.snnPatience(), t0, byT, spikes);
    }

    private Path need(int fold, Losses.Kind loss, Stage stage) throws IOException {
        Path b = bundle(fold, loss, stage);
        if (!Files.exists(StageResult.file(root, fold, loss.id(), stage))) run(fold, loss, stage);
        return b;
    }

    private static StageResult result(int fold, Losses.Kind loss, Stage stage, int t, Evaluation.Report rep, int epochs,
                                      int convergence, int patience, long t0, SortedMap<Integer, Double> byT,
                                      List<LayerSpikeStats> spikes) {
        List<StageResult.Layer> layers = new ArrayList<>();
        for (LayerSpikeStats s : spikes) if (!Double.isNaN(s.firingRate())) layers.add(new StageResult.Layer(s.layer(), s.threshold(), s.firingRate()));
        LayerSpikeStats total = spikes.isEmpty() ? null : SpikeTable.total(spikes);
        return new StageResult(fold, loss.id(), stage.id(), t, rep.cases().size(), rep.dice3d().mean(), rep.dice3d().std(),
                rep.dice2d().mean(), rep.dice2d().std(), epochs, convergence, (System.nanoTime() - t0) / 1e9, byT, layers,
                total == null ? 0 : total.snnEnergyPj() / 1000, total == null ? 0 : total.annEnergyPj() / 1000, patience);
    }

}
