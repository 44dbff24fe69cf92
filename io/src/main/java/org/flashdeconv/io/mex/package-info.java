/**
 * 10x-style MEX folders and plain Matrix Market files ({@link org.flashdeconv.io.mex.MexSource}), plain or
 * gzip-compressed, read with {@link org.flashdeconv.io.text.LineReader}: parsing works on bytes in large buffers,
 * without a String per number.
 */
package org.flashdeconv.io.mex;
