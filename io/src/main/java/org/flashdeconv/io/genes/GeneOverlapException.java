package org.flashdeconv.io.genes;

import java.io.IOException;

/** Too few genes are shared by the spatial data and the reference; carries the overlap report. */
public final class GeneOverlapException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient OverlapReport report;

    /** Fewer than {@code minOverlap} genes matched. */
    public GeneOverlapException(OverlapReport report, int minOverlap) {
        super((report.matched() == 0 ? "no common genes" : "only " + report.matched() + " genes")
                + " shared by the spatial data (" + report.spatialGenes() + " genes, e.g. "
                + String.join(", ", report.spatialExamples().subList(0, Math.min(3, report.spatialExamples().size())))
                + ") and the reference (" + report.referenceGenes() + " genes, e.g. "
                + String.join(", ", report.referenceExamples().subList(0,
                        Math.min(3, report.referenceExamples().size())))
                + "); at least " + minOverlap + " needed (--min-overlap)");
        this.report = report;
    }

    /** The overlap report. */
    public OverlapReport report() {
        return report;
    }
}
