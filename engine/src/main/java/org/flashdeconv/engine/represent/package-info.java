/**
 * Preprocessing and gene representation (docs/algorithm.md §5, §6, §14.1): the transformed, weighted or sketched
 * reference ({@link org.flashdeconv.engine.represent.Representation}) and the streaming pass that turns every
 * spot into its K-vector h_i = Xr·yr_i for the solver ({@link org.flashdeconv.engine.represent.RepresentationPass}).
 */
package org.flashdeconv.engine.represent;
