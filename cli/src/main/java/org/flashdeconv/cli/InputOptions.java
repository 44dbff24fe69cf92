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
        minOverlap = Choices.atLeast(mixee, "--min-overlap", n, 1);
    }
}
