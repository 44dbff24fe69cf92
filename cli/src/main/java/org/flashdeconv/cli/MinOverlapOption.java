package org.flashdeconv.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --min-overlap}: the fewest genes a slide must share with the reference; a picocli mixin of
 * {@code deconvolve}, {@code validate} and {@code batch}.
 */
final class MinOverlapOption {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec mixee;

    int minOverlap = 100;

    @Option(names = "--min-overlap", defaultValue = "100", paramLabel = "N",
            description = "Fail a slide that shares fewer genes with the reference (default: ${DEFAULT-VALUE}).")
    void minOverlap(int n) {
        minOverlap = Choices.atLeast(mixee, "--min-overlap", n, 1);
    }
}
