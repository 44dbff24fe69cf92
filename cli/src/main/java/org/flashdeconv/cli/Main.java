package org.flashdeconv.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code flashdeconv} command. The only place that calls {@code System.exit}. */
@Command(name = "flashdeconv", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Spatial transcriptomics deconvolution (FlashDeconv) at atlas scale on a laptop.",
        subcommands = {CommandLine.HelpCommand.class, SimulateCommand.class, PlotCommand.class})
public final class Main {

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 bad input or IO, 2 bad usage). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
