package org.hipposnn.cli;

import com.google.gson.GsonBuilder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hipposnn.conversion.ConversionSettings;
import org.hipposnn.conversion.ConvertAndScore;
import org.hipposnn.conversion.SnnConversion;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.engine.Backend;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
import org.hipposnn.snn.SpikeTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Converts an ANN bundle to an SNN bundle and scores it on the ANN's held-out fold. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a trained ANN to an integrate-and-fire SNN and score it on the ANN's test fold.")
final class ConvertCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "ANN model bundle made by train-ann.") Path model;
    @Option(names = "--data", required = true, description = "The MSD-layout folder the ANN was trained on.") Path data;
    @Option(names = "--out", required = true, description = "SNN model bundle to write.") Path out;
    @Option(names = "--fold", description = "Test fold; must be the ANN's own (default: read from the ANN bundle).") Integer fold;
    @Option(names = "--time-steps", defaultValue = "200", description = "T the SNN runs (paper: 200; default ${DEFAULT-VALUE}).") int timeSteps;
    @Option(names = "--method", defaultValue = "weight-normalisation",
            description = "weight-normalisation (99.9th percentile, per-concat-block scaling; default) or threshold-balancing (the paper's baseline).")
    String method;
    @Option(names = "--percentile", description = "Statistic of activations/currents; 100 = the maximum (default: 99.9 for weight-normalisation, 100 for threshold-balancing).") Double percentile;
    @Option(names = "--scale", defaultValue = "0.7", description = "Factor on balanced thresholds (threshold-balancing; Rathi: 0.7).") double scale;
    @Option(names = "--balance-steps", description = "Steps simulated while balancing (default: T).") Integer balanceSteps;
    @Option(names = "--slices", description = "Training slices the statistics come from (default: 260 for weight-normalisation, 4 for threshold-balancing, whose memory grows with slices x steps).") Integer slices;
    @Option(names = "--encoder", defaultValue = "poisson", description = "Input coding: poisson (paper) or constant.") String encoder;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the slice sample and the balancing spikes.") long seed;
    @Option(names = "--curve", split = ",", description = "Also score at these T (one simulation of the longest), e.g. 25,50,100,200,400.") int[] curve;
    @Option(names = "--subjects", defaultValue = "0", description = "Score only the first N test subjects (0: all).") int subjects;
    @Option(names = "--threads", defaultValue = "0", description = "CPU threads (0: all cores).") int threads;

    @Override
    public Integer call() throws Exception {
        Backend.start(threads);
        ConversionSettings settings = ConversionSettings.withDefaults(method, timeSteps, encoder, slices, balanceSteps,
                percentile, scale, seed);
        ModelBundle ann = ModelFiles.load(model);
        MsdDataset dataset = MsdDataset.open(data);
        DataSplit split = SnnConversion.splitOf(ann, dataset);
        if (fold != null && fold != split.fold()) {
            throw new IllegalArgumentException("--fold " + fold + " differs from the ANN's test fold " + split.fold()
                    + ": the SNN would be scored on subjects the ANN trained on");
        }
        ConvertAndScore.Result r = ConvertAndScore.run(ann, dataset, split, settings, curve, subjects,
                line -> System.err.println(line));
        System.err.println("thresholds: " + r.snn().spiking().thresholds());
        ModelFiles.save(out, r.snn());
        SpikeTable.writeCsv(out.resolveSibling(out.getFileName() + ".spikes.csv"), r.spikes());
        System.out.println("wrote " + out);
        System.out.println("T\t3-D Dice\t2-D Dice");
        r.byTimeSteps().forEach((t, rep) -> System.out.printf(Locale.ROOT, "%d\t%s\t%s%n", t, rep.dice3d(), rep.dice2d()));
        System.out.println(new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create()
                .toJson(r.snn().metrics().has("test") ? r.snn().metrics().get("test") : r.snn().metrics().get("validation")));
        return 0;
    }
}
