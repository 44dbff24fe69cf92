/**
 * Spot coordinates from a table: {@link org.flashdeconv.io.coords.CoordinatesCsv} matches a
 * {@code barcode,x,y[,z]} CSV to a count source's spots by barcode.
 */
package org.flashdeconv.io.coords;
