package org.flashdeconv.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The inputs of a run and how they must fit together: the spatial counts, the reference, and the smallest number of
 * genes they must share; a picocli mixin shared by {@code deconvolve} and {@code validate}.
 */
final class InputOptions {
    @CommandLine.Mixin
    SpatialOptions spatial = new SpatialOptions();

    @CommandLine.Mixin
    ReferenceInput reference = new ReferenceInput();

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    int minOverlap = 100;

    @Option(names = "--min-overlap", defaultValue = "100", paramLabel = "N",
            description = "Fail when fewer genes are shared (default: ${DEFAULT-VALUE}).")
    void minOverlap(int n) {
        minOverlap = atLeastOne(mixee, "--min-overlap", n);
    }

    /**
     * Returns {@code n} if it is at least 1.
     *
     * @throws CommandLine.ParameterException (a usage error, exit 2) otherwise
     */
    static int atLeastOne(CommandLine.Model.CommandSpec spec, String option, int n) {
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be an integer >= 1, found "
                    + n);
        }
        return n;
    }
}
