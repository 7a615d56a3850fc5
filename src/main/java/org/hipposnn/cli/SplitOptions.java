package org.hipposnn.cli;

import org.hipposnn.data.DataSplit;
import org.hipposnn.data.MsdDataset;
import picocli.CommandLine.Option;

/** Which fold is held out, shared by every command that trains or scores on a fold. */
final class SplitOptions {
    @Option(names = "--fold", defaultValue = "0", description = "Test fold, 0-based (default ${DEFAULT-VALUE}).")
    int fold;

    @Option(names = "--folds", defaultValue = "5", description = "Number of folds (paper: 5); 1 trains on every subject with no test fold (the shipped model).")
    int folds;

    @Option(names = "--split-seed", defaultValue = "" + DataSplit.DEFAULT_SEED, description = "Seed of the subject-wise split (default ${DEFAULT-VALUE}).")
    long splitSeed;

    @Option(names = "--val-fraction", defaultValue = "" + DataSplit.DEFAULT_VALIDATION_FRACTION,
            description = "Share of the training subjects kept for validation (default ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--train-subjects", defaultValue = "0",
            description = "Train on a seeded random subset of this many training subjects (0: all); validation and test stay the same.")
    int trainSubjects;

    DataSplit split(MsdDataset data) {
        return DataSplit.of(data.ids(), fold, folds, splitSeed, validationFraction, trainSubjects);
    }
}
