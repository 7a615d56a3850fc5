package org.hipposnn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line entry point: {@code java -jar target/hippo-snn.jar <subcommand> ...}. */
@Command(name = "hippo-snn", mixinStandardHelpOptions = true, version = "Hippo SNN 0.1.0",
        description = "Hippocampus segmentation with a hybrid-trained spiking U-Net.",
        subcommands = {InspectCommand.class, PhantomsCommand.class, BenchIoCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
