/**
 * Spot coordinates from a table: {@link org.flashdeconv.io.coords.CoordinatesCsv} matches a coordinates CSV to a
 * count source's spots by barcode; {@link org.flashdeconv.io.coords.CoordinateColumns} finds its barcode and
 * coordinate columns by name (or Space Ranger's header-less layout) instead of guessing.
 */
package org.flashdeconv.io.coords;
