/**
 * Off-heap matrix views shared by every stage: CSR counts, coordinates, and the layout constants.
 * Views are records over {@link java.lang.foreign.MemorySegment}s; they never own or close memory.
 */
package org.flashdeconv.engine.matrix;
