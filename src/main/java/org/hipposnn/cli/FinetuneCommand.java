package org.hipposnn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hipposnn.conversion.SnnConversion;
import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.engine.Backend;
import org.hipposnn.finetune.SnnFineTuning;
import org.hipposnn.model.ModelBundle;
import org.hipposnn.model.ModelFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Fine-tunes a converted SNN with spike-based BPTT on the fold it was converted on. */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = "Fine-tune a converted SNN with spike-based backpropagation through time (the hybrid scheme).")
final class FinetuneCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "SNN bundle made by convert.") Path model;
    @Option(names = "--data", required = true, description = "The MSD-layout folder the ANN was trained on.") Path data;
    @Option(names = "--fold", description = "Test fold; must be the model's own (default: read from the bundle).") Integer fold;
    @Option(names = "--lr", defaultValue = "1e-4", description = "Adam learning rate (Rathi: 1e-4).") double lr;
    @Mixin BpttOptions bptt = new BpttOptions();

    @Override
    public Integer call() throws Exception {
        Backend.start(bptt.threads);
        ModelBundle snn = ModelFiles.load(model);
        MsdDataset dataset = MsdDataset.open(data);
        DataSplit split = SnnConversion.splitOf(snn, dataset);
        if (fold != null && fold != split.fold()) {
            throw new IllegalArgumentException("--fold " + fold + " differs from the model's test fold " + split.fold());
        }
        return bptt.run(new SnnFineTuning(snn, dataset, split, bptt.settings(lr), bptt.timeSteps, bptt.surrogate(), bptt.reset()),
                "finetune");
    }
}
