package org.hipposnn.cli;

import org.hipposnn.experiment.Protocol;
import picocli.CommandLine.Option;

/** The experiment protocol and its epoch overrides, shared by crossval and demo. */
final class ProtocolOptions {
    @Option(names = "--protocol",
            description = "paper (100 ANN epochs, T = 200, 35 fine-tuning epochs at T = 20), reduced (full-size network, 2 fine-tuning epochs), "
                    + "quick (width 8, 48 training subjects: the grid in about 2 h on 2 CPU cores), quick-t20 (quick, fine-tuned at T = 20 "
                    + "with Adam 1e-3, at most 6 epochs), quick-t20-decay (quick-t20 with the rate dropped to 1e-4 before a run stops, "
                    + "at most 10 epochs, BCE runs starting with a BCE-Dice epoch), quick-t20-constant (quick-t20-decay with "
                    + "constant-current input instead of Poisson spikes), recipe (the shipped model's recipe: full size, constant input, "
                    + "one fine-tuning epoch at T = 20), convergence (width 16, 24 training subjects, constant input: fine-tuning and "
                    + "direct training at T = 20 run until converged) or small (phantoms, demo, CI).")
    String protocol;
    @Option(names = "--ann-epochs", defaultValue = "0", description = "Override the protocol's ANN epochs.") int annEpochs;
    @Option(names = "--fine-tune-epochs", defaultValue = "0", description = "Override the protocol's fine-tuning epochs.") int fineTuneEpochs;
    @Option(names = "--direct-epochs", defaultValue = "0", description = "Override the protocol's direct-training epochs.") int directEpochs;

    @Option(names = "--test-subjects", description = "Score the first N test subjects of each fold (0: all; default: the protocol's).") Integer testSubjects;

    @Option(names = "--train-subjects", description = "Train on a seeded subset of N training subjects per fold (0: all; default: the protocol's).") Integer trainSubjects;

    Protocol protocol(String defaultName) {
        Protocol p = Protocol.named(protocol != null ? protocol : defaultName).withEpochs(annEpochs, fineTuneEpochs, directEpochs);
        if (trainSubjects != null) p = p.withTrainSubjects(trainSubjects);
        return testSubjects == null ? p : p.withTestSubjects(testSubjects);
    }
}
