/**
 * The input side of conversion: {@link org.flashdeconv.io.source.CountSource} is what every reader (Matrix
 * Market, AnnData, 10x h5, Space Ranger, the simulator) offers, and what the store converter consumes.
 */
package org.flashdeconv.io.source;
