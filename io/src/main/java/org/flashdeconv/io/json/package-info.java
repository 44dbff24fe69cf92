/** Writing JSON (summaries, info output) without a library. */
package org.flashdeconv.io.json;
