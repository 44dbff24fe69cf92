package org.flashdeconv.cli;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.engine.SpatialMethod;
import org.flashdeconv.engine.matrix.CoordsView;
import org.flashdeconv.io.coords.DuplicateCoordinates;
import org.flashdeconv.io.coords.SectionLayout;
import org.flashdeconv.io.h5.H5FormatException;
import org.flashdeconv.io.h5.H5adSource;

/**
 * The tissue sections of an AnnData input: the obs column named by {@code --library-key}, or by default
 * {@code library_id} or {@code sample} when present (what {@code ad.concat(..., label="library_id")} and squidpy
 * use).
 *
 * @param key        the obs column
 * @param byDefault  whether the column was found by default rather than named
 * @param layout     the sections
 */
record Sections(String key, boolean byDefault, SectionLayout layout) {
    /** The columns looked for when {@code --library-key} is not given. */
    static final List<String> DEFAULT_KEYS = List.of("library_id", "sample");

    /**
     * The sections of {@code source}, or null when no key is given and no default column exists.
     *
     * @throws H5FormatException if the named column is missing (the message lists the obs columns)
     */
    static Sections read(H5adSource source, String key) throws H5FormatException {
        String column = key;
        if (column == null) {
            column = DEFAULT_KEYS.stream().filter(source.obs()::has).findFirst().orElse(null);
            if (column == null) {
                return null;
            }
        }
        return new Sections(column, key == null, SectionLayout.of(source.obs().strings(column)));
    }

    /**
     * The coordinates the spatial graph is built on: {@code xy} itself for one section (or none), else the sections
     * laid apart ({@link SectionLayout#separate}) in {@code arena}.
     */
    static CoordsView graphCoordinates(Sections sections, CoordsView xy, Arena arena) {
        return sections == null || sections.layout().sections() < 2 ? xy : sections.layout().separate(xy, arena);
    }

    /**
     * The warnings about the places of the spots: distinct spots at the same place within a section (with a hint
     * when there is no section column), sections too small for the k-nearest-neighbour graph.
     */
    static List<String> warnings(Sections sections, CoordsView xy, LongFunction<String> barcode,
                                 FlashDeconvOptions options) {
        List<String> out = new ArrayList<>();
        int[] sectionOf = sections == null ? null : sections.layout().sectionOf();
        DuplicateCoordinates.find(xy, sectionOf).ifPresent(d -> out.add(d.spots() + " spots share their coordinates"
                + " with another spot" + (sectionOf == null ? "" : " of the same section") + " (e.g. "
                + barcode.apply(d.first()) + " and " + barcode.apply(d.second()) + "); the spatial graph links them"
                + (sectionOf == null ? "; several sections in one file? name their obs column with --library-key"
                : "")));
        if (sections != null && sections.layout().sections() > 1
                && options.spatialMethod() == SpatialMethod.KNN) {
            for (int s = 0; s < sections.layout().sections(); s++) {
                if (sections.layout().sizes()[s] <= options.kNeighbors()) {
                    out.add("section '" + sections.layout().names().get(s) + "' has " + sections.layout().sizes()[s]
                            + " spots, not more than k = " + options.kNeighbors() + ": its spots also get neighbours "
                            + "in other sections");
                }
            }
        }
        return out;
    }

    /** One line for the notes: how many sections, from which column. */
    String describe() {
        return layout.sections() + " section" + (layout.sections() == 1 ? "" : "s") + " by obs['" + key + "']"
                + (byDefault ? " (the default; --library-key names another column)" : "")
                + (layout.sections() > 1 ? ": the spatial graph is built per section" : "");
    }
}
