/**
 * Pictures of a deconvolution result, drawn headless with plain Java 2D:
 * {@link org.flashdeconv.io.plot.SlidePlots} renders a grid of per-type proportion maps and a dominant-type map
 * from any {@link org.flashdeconv.io.plot.SpotTable}, streamed (an open fit through
 * {@link org.flashdeconv.io.plot.FitSpotTable}, or a result folder through
 * {@link org.flashdeconv.io.plot.ResultFolderReader}) and rasterised straight into
 * the image, so memory is fixed by the image size.
 */
package org.flashdeconv.io.plot;
