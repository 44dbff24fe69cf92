package org.flashdeconv.cli;

import picocli.CommandLine;

/**
 * The inputs of a run and how they must fit together: the spatial counts, the reference, and the smallest number of
 * genes they must share; a picocli mixin shared by {@code deconvolve} and {@code validate}.
 */
final class InputOptions {
    @CommandLine.Mixin
    SpatialOptions spatial = new SpatialOptions();

    @CommandLine.Mixin
    ReferenceInput reference = new ReferenceInput();

    @CommandLine.Mixin
    MinOverlapOption overlap = new MinOverlapOption();
}
