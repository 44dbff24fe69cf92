/**
 * Gene selection (docs/algorithm.md §4): the streaming per-gene statistics of the spatial counts
 * ({@link org.flashdeconv.engine.genes.GeneStats}), highly variable genes, marker genes of the reference, their
 * union and the ridge leverage scores of the reference on the selected genes
 * ({@link org.flashdeconv.engine.genes.GeneSelection}).
 */
package org.flashdeconv.engine.genes;
