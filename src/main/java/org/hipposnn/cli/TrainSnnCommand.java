package org.hipposnn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.data.Preprocessing;
import org.hipposnn.engine.Backend;
import org.hipposnn.finetune.SnnFineTuning;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.network.UNetSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The direct-training baseline: the same SNN and BPTT from random weights. Thresholds follow a
 * stated rule: all 1, with He-initialised weights (whose currents are of order 1 for inputs in
 * [0, 1]), so nothing is learned from an ANN.
 */
@Command(name = "train-snn", mixinStandardHelpOptions = true,
        description = "Train the SNN directly from random weights with spike-based BPTT (the baseline the hybrid scheme is compared with).")
final class TrainSnnCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "test-data", description = "MSD-layout folder; default ${DEFAULT-VALUE}.") Path data;
    @Option(names = "--width", defaultValue = "32", description = "Channels of the first level.") int width;
    @Option(names = "--dropout", defaultValue = "0.1", description = "Dropout rate.") double dropout;
    @Option(names = "--lr", defaultValue = "1e-3", description = "Adam learning rate (paper: 1e-3).") double lr;
    @Option(names = "--encoder", defaultValue = "poisson", description = "poisson or constant.") String encoder;
    @Mixin SplitOptions split = new SplitOptions();
    @Mixin BpttOptions bptt = new BpttOptions();

    @Override
    public Integer call() throws Exception {
        Backend.start(bptt.threads);
        Preprocessing pre = Preprocessing.defaults();
        int[] shape = pre.sliceShape();
        UNetSpec spec = new UNetSpec(shape[1], shape[2], width, UNetSpec.DEFAULT_DEPTH, UNetSpec.DEFAULT_KERNEL, dropout);
        MsdDataset dataset = MsdDataset.open(data);
        DataSplit s = split.split(dataset);
        ModelBundle fresh = SnnFineTuning.randomStart(spec, pre, dataset, s, bptt.timeSteps, encoder, bptt.seed);
        return bptt.run(new SnnFineTuning(fresh, dataset, s, bptt.settings(lr), bptt.timeSteps, bptt.surrogate(), bptt.reset())
                .stage("direct"), "train-snn");
    }
}
