package org.flashdeconv.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code flashdeconv} command. The only place that calls {@code System.exit}. Exit codes:
 * 0 success, 1 bad input or an IO failure (one line on stderr, see {@link ErrorHandler}), 2 bad usage.
 */
@Command(name = "flashdeconv", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Spatial transcriptomics deconvolution (FlashDeconv) at atlas scale on a laptop.",
        subcommands = {CommandLine.HelpCommand.class, ConvertCommand.class, InfoCommand.class,
                SimulateCommand.class, PlotCommand.class, DeconvolveCommand.class, BatchCommand.class,
                DemoCommand.class, ValidateCommand.class})
public final class Main {

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the standard streams and returns the exit code (0 ok, 1 bad input or IO, 2 bad usage). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the command line with the given output and error writers (for tests) and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler(new ErrorHandler());
    }
}
