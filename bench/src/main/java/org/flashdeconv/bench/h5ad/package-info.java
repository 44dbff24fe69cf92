/**
 * Timing of {@code --h5ad-out}'s copy of a large AnnData input ({@link org.flashdeconv.bench.h5ad.H5adCopyBench},
 * run by {@code bench/run-h5ad-copy.sh}).
 */
package org.flashdeconv.bench.h5ad;
