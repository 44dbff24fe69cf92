/** Outputs that appear under their final name only when complete (write to a temporary name, then rename). */
package org.flashdeconv.io.atomic;
