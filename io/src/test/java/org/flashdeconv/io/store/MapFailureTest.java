package org.flashdeconv.io.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MapFailureTest {

    @Test
    void aFailedMapIsRecognisedByItsMessageOrItsCause() {
        assertTrue(MapFailure.isMapFailure(new IOException("Map failed")));
        assertTrue(MapFailure.isMapFailure(new IOException("x", new OutOfMemoryError("Map failed"))));
        assertFalse(MapFailure.isMapFailure(new IOException("Input/output error")));
        assertFalse(MapFailure.isMapFailure(new IOException((String) null)));
    }

    @Test
    void theMessageNamesTheFileTheSizeAndTheLimitsToCheck() {
        OutOfMemoryError cause = new OutOfMemoryError("Map failed");
        IOException e = MapFailure.explain(Path.of("slide.fdstore"), 123_456_789L, cause);
        String m = e.getMessage();
        assertTrue(m.startsWith("slide.fdstore: could not map 123456789 bytes"), m);
        assertTrue(m.contains("ulimit -v") && m.contains("vm.max_map_count") && m.contains("address space"), m);
        assertFalse(m.contains("\n"), "one line");
        assertSame(cause, e.getCause());
    }
}
