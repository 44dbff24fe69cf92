/**
 * Text inputs: 10x-style MEX folders and plain Matrix Market files ({@link org.flashdeconv.io.mex.MexSource}),
 * plain or gzip-compressed, and coordinate tables matched to spots by barcode
 * ({@link org.flashdeconv.io.mex.CoordinatesCsv}). Parsing works on bytes in large buffers, without a String
 * per number.
 */
package org.flashdeconv.io.mex;
