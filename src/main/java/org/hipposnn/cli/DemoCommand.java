package org.hipposnn.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hipposnn.data.MsdDataset;
import org.hipposnn.engine.Backend;
import org.hipposnn.experiment.Demo;
import org.hipposnn.experiment.Protocol;
import org.hipposnn.segment.FolderSegmentation;
import org.hipposnn.snn.LayerSpikeStats;
import org.hipposnn.snn.SpikeTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The main job on an embedded default: the whole hybrid pipeline on the phantoms of test-data/. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Train a small ANN, convert it to an SNN, fine-tune the SNN, segment held-out cases; print Table 1 and the spike table, write labels and figures.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "test-data", description = "MSD-layout folder; default ${DEFAULT-VALUE} (4 phantoms).") Path data;
    @Option(names = "--out", defaultValue = "demo-out", description = "Output folder; default ${DEFAULT-VALUE}.") Path out;
    @Option(names = "--folds", defaultValue = "4", description = "Folds; every case is held out once (default ${DEFAULT-VALUE}).") int folds;
    @picocli.CommandLine.Mixin ProtocolOptions protocol = new ProtocolOptions();
    @Option(names = "--threads", defaultValue = "0", description = "CPU threads (0: all cores).") int threads;

    @Override
    public Integer call() throws Exception {
        Backend.start(threads);
        long t0 = System.nanoTime();
        Protocol p = protocol.protocol("small");
        System.err.println("demo: " + p);
        Demo.Outcome o = new Demo(MsdDataset.open(data), out, folds, p)
                .listener(new ConsoleProgress(System.err, true)).log(System.err::println).run();
        System.out.println();
        System.out.println(o.table1());
        System.out.println("Spikes of the fine-tuned SNN (fold 0, its held-out case(s)), per slice:");
        System.out.printf(Locale.ROOT, "%-6s %9s %12s %14s %14s%n", "layer", "threshold", "firing rate", "synaptic ops", "SNN energy nJ");
        for (LayerSpikeStats s : o.spikes()) {
            System.out.printf(Locale.ROOT, "%-6s %9.3f %12.4f %14.4g %14.4g%n", s.layer(), s.threshold(), s.firingRate(),
                    s.synapticOps(), s.snnEnergyPj() / 1000);
        }
        LayerSpikeStats t = SpikeTable.total(o.spikes());
        double ratio = t.annEnergyPj() / t.snnEnergyPj();
        System.out.printf(Locale.ROOT, "energy per slice: SNN %.4g nJ, ANN %.4g nJ (%.2fx %s for the SNN)%n",
                t.snnEnergyPj() / 1000, t.annEnergyPj() / 1000, ratio >= 1 ? ratio : 1 / ratio, ratio >= 1 ? "less" : "more");
        System.out.println();
        for (FolderSegmentation.Case c : o.segmented()) {
            if (c.ok()) System.out.printf(Locale.ROOT, "%s: %.0f mm3, Dice %.3f -> %s%n", c.input().getFileName(), c.volumeMm3(), c.dice(), c.output());
            else System.err.println("demo: " + c.error());
        }
        System.out.println("report (table1.md, results.csv, figures): " + o.report());
        System.out.printf(Locale.ROOT, "demo finished in %.0f s%n", (System.nanoTime() - t0) / 1e9);
        return o.segmented().stream().allMatch(FolderSegmentation.Case::ok) ? 0 : 1;
    }
}
