/**
 * Space Ranger outputs: Visium folders (in-tissue spots with pixel coordinates from the tissue positions) and
 * Visium HD bins (coordinates from the bin barcodes), opened by
 * {@link org.flashdeconv.io.spaceranger.SpaceRangerSource}.
 */
package org.flashdeconv.io.spaceranger;
