package org.hipposnn.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.engine.Losses;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
import org.hipposnn.segment.FolderSegmentation;
import org.hipposnn.segment.Predictors;
import org.hipposnn.segment.Segmenter;
import org.hipposnn.segment.SlicePredictor;
import org.hipposnn.snn.LayerSpikeStats;
import org.hipposnn.snn.SnnPredictor;
import org.hipposnn.snn.SpikeTable;
import org.hipposnn.training.TrainingListener;

/**
 * The paper's whole pipeline end to end on a small data set (by default the phantoms of
 * {@code test-data/}): per fold, train an ANN, convert it, fine-tune the SNN; then segment every
 * fold's held-out cases with its fine-tuned SNN (label images, volumes and Dice, spike table), and
 * assemble the report (Table 1, figures). It is the cross-validation grid with one loss and without
 * the direct baseline, so what the demo shows is what {@code crossval} computes.
 */
public final class Demo {
    /** What the demo produced. */
    public record Outcome(String table1, List<LayerSpikeStats> spikes, List<FolderSegmentation.Case> segmented, Path report,
                          Path labels) {}

    private final MsdDataset data;
    private final Path out;
    private final int folds;
    private final Protocol protocol;
    private TrainingListener listener = TrainingListener.NONE;
    private Consumer<String> log = m -> {};

    public Demo(MsdDataset data, Path out, int folds, Protocol protocol) {
        this.data = data;
        this.out = out;
        this.folds = folds;
        this.protocol = protocol;
    }

    public Demo listener(TrainingListener l) { this.listener = l; return this; }

    public Demo log(Consumer<String> l) { this.log = l; return this; }

    public Outcome run() throws IOException {
        Losses.Kind loss = Losses.Kind.BCE_DICE;
        CrossValidation cv = new CrossValidation(data, out.resolve("runs"), folds, DataSplit.DEFAULT_SEED, protocol)
                .listener(listener).log(log);
        cv.run(null, List.of(loss), List.of(Stage.ANN, Stage.CONVERTED, Stage.FINE_TUNED));

        Path labels = Files.createDirectories(out.resolve("labels"));
        List<FolderSegmentation.Case> segmented = new ArrayList<>();
        List<LayerSpikeStats> spikes = List.of();
        for (int f = 0; f < folds; f++) {
            ModelBundle tuned = ModelFiles.load(cv.bundle(f, loss, Stage.FINE_TUNED));
            SlicePredictor p = Predictors.forBundle(tuned);
            List<Path> inputs = data.select(cv.split(f).test()).stream().map(MsdDataset.Case::image).toList();
            log.accept("segmenting the " + inputs.size() + " held-out case(s) of fold " + f + " with its fine-tuned SNN");
            segmented.addAll(new FolderSegmentation(new Segmenter(tuned.preprocessing(), p)).groundTruth(data.root().resolve("labelsTr"))
                    .run(inputs, in -> labels.resolve(in.getFileName()), labels.resolve("volumes-fold-" + f + ".csv")));
            if (p instanceof SnnPredictor snn) {
                SpikeTable.writeCsv(labels.resolve("spikes-fold-" + f + ".csv"), snn.layerStats());
                if (f == 0) spikes = snn.layerStats();
            }
        }
        Path report = out.resolve("report");
        String table = Report.read(cv.root()).write(report, cv.root(), protocol.toString());
        return new Outcome(table, spikes, segmented, report, labels);
    }
}
