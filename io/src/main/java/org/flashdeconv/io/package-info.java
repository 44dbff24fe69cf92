/**
 * File formats for FlashDeconv: the memory-mapped count store ({@code store}), the readers of spatial and
 * reference inputs ({@code h5}, {@code mex}, {@code spaceranger}, {@code coords}, {@code reference}, {@code text},
 * opened by {@code source}), the writers of results ({@code result}, {@code json}, {@code plot}) and the simulator
 * ({@code simulate}). {@link org.flashdeconv.io.InputFormatException} is the one base of every "this file is not
 * what its format says" error.
 */
package org.flashdeconv.io;
