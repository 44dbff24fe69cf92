package org.flashdeconv.io.plot;

import java.io.IOException;
import java.util.List;

/**
 * What the plots draw: for every spot, its position and its cell-type proportions, visited in spot order as many
 * times as the plotter needs (three passes: bounds, spacing, pixels). Implementations stream (a result folder
 * read line by line, or arrays a caller already holds), so a plot never needs the table in memory.
 */
public interface SpotTable {

    /** Receives one spot's position. */
    @FunctionalInterface
    interface CoordinateVisitor {
        /**
         * @param spot 0-based spot index
         * @param x    horizontal position (any unit, same as y)
         * @param y    vertical position; larger values are drawn lower (image convention)
         * @throws IOException to abort
         */
        void accept(long spot, double x, double y) throws IOException;
    }

    /** Receives one spot's position and proportions. */
    @FunctionalInterface
    interface SpotVisitor {
        /**
         * @param spot        0-based spot index
         * @param x           horizontal position
         * @param y           vertical position (drawn downwards)
         * @param proportions one value per {@link #typeNames() type}; NaN for a spot without a result (QC); the
         *                    array is reused for the next spot
         * @throws IOException to abort
         */
        void accept(long spot, double x, double y, double[] proportions) throws IOException;
    }

    /** Cell type names, in the order of the proportions. */
    List<String> typeNames();

    /**
     * Visits every spot's position in spot order (cheaper than {@link #forEachSpot} when proportions are not
     * needed).
     *
     * @throws IOException on a read error or malformed input, or as thrown by the visitor
     */
    void forEachCoordinate(CoordinateVisitor visitor) throws IOException;

    /**
     * Visits every spot's position and proportions in spot order.
     *
     * @throws IOException on a read error or malformed input, or as thrown by the visitor
     */
    void forEachSpot(SpotVisitor visitor) throws IOException;
}
