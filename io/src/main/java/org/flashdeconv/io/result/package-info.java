/** Writing deconvolution results: per-spot CSV tables and the files of a result folder. */
package org.flashdeconv.io.result;
