package org.flashdeconv.io.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonWriterTest {
    @Test
    void writesNestedContainersWithEscapesAndExactNumbers() {
        String json = new JsonWriter().beginObject()
                .field("name", "a\"b\\c\n")
                .field("n", 1000L)
                .field("lambda", 4.734176270113232)
                .field("whole", 3.0)
                .field("nan", Double.NaN)
                .field("ok", true)
                .name("list").beginArray().value(1L).value(0.5).endArray()
                .name("empty").beginObject().endObject()
                .endObject().toString();
        assertEquals("""
                {
                  "name": "a\\"b\\\\c\\n",
                  "n": 1000,
                  "lambda": 4.734176270113232,
                  "whole": 3,
                  "nan": null,
                  "ok": true,
                  "list": [
                    1,
                    0.5
                  ],
                  "empty": {}
                }
                """, json);
    }

    @Test
    void closingWithNothingOpenIsAnError() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().endObject());
    }
}
