package org.hipposnn.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hipposnn.eval.Summary;
import org.hipposnn.io.AtomicFiles;
import org.hipposnn.model.ModelFiles;

/**
 * Assembles the experiment's report from the result files alone (so it can be rebuilt at any time,
 * from jobs run anywhere): {@code results.csv}, {@code table1.md} (the paper's Table 1 with
 * mean ± std over folds, epochs to convergence, energy), and the figures: {@code fig2-<loss>.png} (one
 * held-out case), {@code fig3-<loss>.png} (firing rate per layer before and after fine-tuning, with
 * thresholds) and {@code dice-vs-T-<loss>.png}.
 */
public final class Report {
    private final List<StageResult> results;

    public Report(List<StageResult> results) {
        this.results = results.stream()
                .sorted(Comparator.comparing(StageResult::loss).thenComparingInt(StageResult::fold)
                        .thenComparingInt(r -> Stage.of(r.stage()).ordinal()))
                .toList();
    }

    /** Every {@code fold-K/<loss>/<stage>.json} under the experiment folder. */
    public static Report read(Path root) throws IOException {
        List<StageResult> all = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root, 3)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")
                        && p.getParent().getParent() != null
                        && p.getParent().getParent().getFileName().toString().startsWith("fold-")).sorted().toList()) {
                    all.add(StageResult.read(f));
                }
            }
        }
        if (all.isEmpty()) throw new IOException(root + ": no results (fold-K/<loss>/<stage>.json) to report");
        return new Report(all);
    }

    public List<StageResult> results() { return results; }

    /** Writes results.csv, table1.md and the figures into {@code dir}; returns the Markdown table. */
    public String write(Path dir, Path root, String protocol) throws IOException {
        Files.createDirectories(dir);
        writeText(dir.resolve("results.csv"), csv());
        String table = table1(protocol);
        writeText(dir.resolve("table1.md"), table);
        for (String loss : losses()) {
            Map<String, Map<String, Double>> rates = new LinkedHashMap<>();
            Map<String, Double> thresholds = new LinkedHashMap<>();
            for (Stage s : List.of(Stage.CONVERTED, Stage.FINE_TUNED)) {
                List<StageResult> rs = of(loss, s);
                if (rs.isEmpty() || rs.get(0).layers().isEmpty()) continue;
                Map<String, Double> mean = new LinkedHashMap<>();
                for (StageResult.Layer l : rs.get(0).layers()) {
                    mean.put(l.name(), rs.stream().flatMap(r -> r.layers().stream()).filter(x -> x.name().equals(l.name()))
                            .mapToDouble(StageResult.Layer::firingRate).average().orElse(Double.NaN));
                    if (s == Stage.FINE_TUNED || !thresholds.containsKey(l.name())) {
                        thresholds.put(l.name(), rs.stream().flatMap(r -> r.layers().stream()).filter(x -> x.name().equals(l.name()))
                                .mapToDouble(StageResult.Layer::threshold).average().orElse(Double.NaN));
                    }
                }
                rates.put(s.id() + " (T = " + rs.get(0).timeSteps() + ")", mean);
            }
            if (!rates.isEmpty()) {
                Charts.firingRates(dir.resolve("fig3-" + loss + ".png"), "Firing rate per layer, " + loss + " (mean over folds)",
                        rates, thresholds);
            }
            Map<String, SortedMap<Integer, Double>> curves = new LinkedHashMap<>();
            for (Stage s : List.of(Stage.CONVERTED, Stage.FINE_TUNED, Stage.DIRECT)) {
                SortedMap<Integer, Double> c = meanCurve(of(loss, s));
                if (!c.isEmpty()) curves.put(s.id() + " SNN", c);
            }
            Map<String, Double> flat = new LinkedHashMap<>();
            if (!of(loss, Stage.ANN).isEmpty()) flat.put("ANN", summary(of(loss, Stage.ANN), StageResult::dice3dMean).mean());
            if (!curves.isEmpty()) {
                Charts.diceVsT(dir.resolve("dice-vs-T-" + loss + ".png"), "3-D Dice against T, " + loss + " (mean over folds)",
                        curves, flat);
            }
        }
        for (String loss : losses()) {
            List<LearningCurve> curves = learningCurves(root, loss);
            if (!curves.isEmpty()) {
                LearningCurve.plot(dir.resolve("convergence-" + loss + ".png"), "Validation Dice against epoch, " + loss, curves);
            }
        }
        // Fig. 2 of each loss, from its first fold that has one
        for (String loss : losses()) {
            for (StageResult r : of(loss, Stage.FINE_TUNED)) {
                Path fig = StageResult.file(root, r.fold(), r.loss(), Stage.FINE_TUNED).resolveSibling("fig2.png");
                if (Files.exists(fig)) {
                    AtomicFiles.writeStream(dir.resolve("fig2-" + loss + ".png"), o -> Files.copy(fig, o));
                    break;
                }
            }
        }
        return table;
    }

    /**
     * Fine-tuning's and direct training's validation Dice per epoch, one curve per fold, from the jobs'
     * bundles. A report merged from result files alone (bundles left on other machines) has none.
     * Only called while writing the figures, after results.csv and table1.md.
     */
    private List<LearningCurve> learningCurves(Path root, String loss) throws IOException {
        List<LearningCurve> curves = new ArrayList<>();
        for (Stage s : List.of(Stage.FINE_TUNED, Stage.DIRECT)) {
            for (StageResult r : of(loss, s)) {
                Path bundle = StageResult.file(root, r.fold(), r.loss(), s).resolveSibling(s.id() + ".zip");
                if (!Files.exists(bundle)) continue;
                try {
                    LearningCurve.of("fold " + r.fold(), ModelFiles.load(bundle).training()).stream()
                            .filter(c -> c.stage().equals(s.id())).forEach(curves::add);
                } catch (IOException | RuntimeException e) {
                    // a figure, not a result: a damaged bundle must not keep Table 1 from being written
                    System.err.println("report: no learning curve from " + bundle + ": " + e.getMessage());
                }
            }
        }
        return curves;
    }

    /** One row per job. */
    public String csv() {
        StringBuilder b = new StringBuilder("fold,loss,stage,time_steps,subjects,dice3d_mean,dice3d_std,dice2d_mean,dice2d_std,"
                + "epochs_run,best_epoch,converged,seconds,snn_energy_nj_per_slice,ann_energy_nj_per_slice\n");
        for (StageResult r : results) {
            b.append(String.format(Locale.ROOT, "%d,%s,%s,%d,%d,%.4f,%.4f,%.4f,%.4f,%d,%d,%s,%.1f,%.4g,%.4g\n", r.fold(), r.loss(),
                    r.stage(), r.timeSteps(), r.subjects(), r.dice3dMean(), r.dice3dStd(), r.dice2dMean(), r.dice2dStd(),
                    r.epochsRun(), r.convergenceEpoch(), r.stage().equals(Stage.CONVERTED.id()) ? "n/a" : converged(r),
                    r.seconds(), r.snnEnergyNj(), r.annEnergyNj()));
        }
        return b.toString();
    }

    /**
     * The paper's Table 1: per loss and stage, 2-D and 3-D Dice as mean ± std over folds (of each
     * fold's mean over its held-out subjects), epochs to convergence, and the energy estimate.
     */
    public String table1(String protocol) {
        StringBuilder b = new StringBuilder("# Table 1: segmentation accuracy on held-out subjects\n\n");
        b.append("Protocol: ").append(protocol).append(".\n\n");
        b.append("Dice: mean ± std over folds of each fold's mean over its held-out subjects (3-D: per subject, whole "
                + "hippocampus on the original grid; 2-D: over slices). Best epoch: the epoch of the best validation loss (the "
                + "model kept); it is the convergence epoch of the runs that converged, those followed by " + patiences()
                + " epochs (the scheduler's patience) without improvement.\n\n");
        b.append("| loss | model | T | folds | subjects | 2-D Dice | 3-D Dice | best epoch | converged | epochs run | energy ANN/SNN |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String loss : losses()) {
            for (Stage s : Stage.values()) {
                List<StageResult> rs = of(loss, s);
                if (rs.isEmpty()) continue;
                String t = rs.stream().map(r -> r.timeSteps() == 0 ? "—" : Integer.toString(r.timeSteps())).distinct()
                        .collect(Collectors.joining(", "));
                boolean trains = s != Stage.CONVERTED;
                String energy = s == Stage.ANN ? "1" : String.format(Locale.ROOT, "%.2f",
                        summary(rs, r -> r.annEnergyNj() / r.snnEnergyNj()).mean());
                long converged = rs.stream().filter(Report::converged).count();
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %d | %s | %s | %s | %s | %s | %s |%n", loss, label(s), t,
                        rs.size(), rs.stream().mapToInt(StageResult::subjects).sum(), pm(summary(rs, StageResult::dice2dMean)),
                        pm(summary(rs, StageResult::dice3dMean)),
                        trains ? pm1(summary(rs, r -> r.convergenceEpoch())) : "—",
                        trains ? converged + " of " + rs.size() : "—",
                        trains ? pm1(summary(rs, r -> r.epochsRun())) : "—", energy));
            }
        }
        b.append(diceAgainstT());
        return b.toString();
    }

    /**
     * The SNNs' 3-D Dice at every T they were scored at, so the converted SNN can be read at the
     * fine-tuning T, not only at its own long T (the comparison the paper's Table 1 makes).
     */
    private String diceAgainstT() {
        List<Integer> ts = results.stream().flatMap(r -> r.dice3dByT().keySet().stream()).distinct().sorted().toList();
        if (ts.isEmpty()) return "";
        StringBuilder b = new StringBuilder("\n## 3-D Dice against T (mean ± std over folds; — : not scored at that T)\n\n| model | loss |");
        ts.forEach(t -> b.append(" T = ").append(t).append(" |"));
        b.append("\n|---|---|").append("---|".repeat(ts.size())).append('\n');
        for (String loss : losses()) {
            for (Stage s : List.of(Stage.CONVERTED, Stage.FINE_TUNED, Stage.DIRECT)) {
                List<StageResult> rs = of(loss, s);
                if (rs.isEmpty()) continue;
                b.append("| ").append(label(s)).append(" | ").append(loss).append(" |");
                SortedMap<Integer, List<Double>> byT = diceByT(rs);
                for (int t : ts) b.append(' ').append(byT.containsKey(t) ? pm(Summary.of(byT.get(t))) : "—").append(" |");
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** Whether a training job converged, by the trainer's own test; a conversion (no epochs) did not train. */
    public static boolean converged(StageResult r) {
        return r.epochsRun() > 0 && org.hipposnn.training.Trainer.converged(r.epochsRun(), r.convergenceEpoch(), r.patience());
    }

    private static String label(Stage s) {
        return switch (s) {
            case ANN -> "ANN";
            case CONVERTED -> "converted SNN";
            case FINE_TUNED -> "fine-tuned SNN (hybrid)";
            case DIRECT -> "directly trained SNN";
        };
    }

    /** The scheduler patience of the training jobs, per stage where stages differ (e.g. "10 (ANN) or 2 (fine-tuned SNN (hybrid))"). */
    private String patiences() {
        Map<Integer, List<String>> by = new TreeMap<>(Comparator.reverseOrder());
        for (Stage s : Stage.values()) {
            of(null, s).stream().filter(r -> r.epochsRun() > 0).map(StageResult::patience).distinct()
                    .forEach(p -> by.computeIfAbsent(p, k -> new ArrayList<>()).add(label(s)));
        }
        if (by.isEmpty()) return Integer.toString(org.hipposnn.training.ReduceLrOnPlateau.DEFAULT_PATIENCE);
        if (by.size() == 1) return Integer.toString(by.keySet().iterator().next());
        return by.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining(" or "));
    }

    private List<String> losses() {
        return results.stream().map(StageResult::loss).distinct().sorted().toList();
    }

    /** Results of a loss (null: any) and stage. */
    private List<StageResult> of(String loss, Stage s) {
        return results.stream().filter(r -> (loss == null || r.loss().equals(loss)) && r.stage().equals(s.id())).toList();
    }

    private static Summary summary(List<StageResult> rs, ToDoubleFunction<StageResult> f) {
        return Summary.of(rs.stream().map(r -> f.applyAsDouble(r)).toList());
    }

    /** T -> mean Dice over the folds that were scored at that T. */
    private static SortedMap<Integer, Double> meanCurve(List<StageResult> rs) {
        SortedMap<Integer, Double> out = new TreeMap<>();
        diceByT(rs).forEach((t, ds) -> out.put(t, ds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
        return out;
    }

    /** T -> the 3-D Dice of every fold scored at that T. */
    private static SortedMap<Integer, List<Double>> diceByT(List<StageResult> rs) {
        SortedMap<Integer, List<Double>> all = new TreeMap<>();
        for (StageResult r : rs) r.dice3dByT().forEach((t, d) -> all.computeIfAbsent(t, k -> new ArrayList<>()).add(d));
        return all;
    }

    private static String pm(Summary s) {
        return s.n() > 1 ? String.format(Locale.ROOT, "%.3f ± %.3f", s.mean(), s.std()) : String.format(Locale.ROOT, "%.3f", s.mean());
    }

    private static String pm1(Summary s) {
        return s.n() > 1 ? String.format(Locale.ROOT, "%.1f ± %.1f", s.mean(), s.std()) : String.format(Locale.ROOT, "%.0f", s.mean());
    }

    private static void writeText(Path file, String text) throws IOException {
        AtomicFiles.writeStream(file, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
