package org.flashdeconv.engine;

/** Spatial graph construction (docs/algorithm.md §7). */
public enum SpatialMethod {
    /** k nearest neighbours with (distance, index) ties, symmetrised by union (§7.1). */
    KNN,
    /** Every pair within the given radius, inclusive (§7.2). */
    RADIUS,
    /** A radius graph with r = 1.5 × the median nearest-other-spot distance (§7.3). */
    GRID
}
