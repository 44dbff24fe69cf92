package org.flashdeconv.spark;

import java.io.Serializable;
import org.flashdeconv.io.batch.Manifest;

/**
 * One slide of the manifest as a Spark task's input, its paths resolved against the manifest's folder (URIs).
 *
 * @param id         the slide id
 * @param spatial    the spatial input
 * @param coords     the coordinates CSV, or null
 * @param libraryKey the manifest's library_key, or null
 * @param line       the manifest line
 */
record SlideTask(String id, String spatial, String coords, String libraryKey, long line) implements Serializable {
    /** The manifest row this task runs. */
    Manifest.Slide slide() {
        return new Manifest.Slide(id, spatial, coords, libraryKey, line);
    }
}
