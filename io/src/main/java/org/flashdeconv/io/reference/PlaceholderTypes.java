package org.flashdeconv.io.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reference cell types whose name says the cell was not assigned a type ({@code Unknown}, {@code unassigned},
 * {@code nan}, ...): atlases keep such cells, and as a "type" they soak up whatever the real types do not explain.
 * They are kept (the user may know better) with a warning that lists them and says how to leave them out.
 */
public final class PlaceholderTypes {
    private static final Set<String> NAMES = Set.of("unknown", "unassigned", "unclassified", "undefined",
            "not assigned", "nan", "na", "n/a", "none", "null", "missing", "unlabeled", "unlabelled", "doublet",
            "doublets", "low quality", "low_quality");

    private PlaceholderTypes() {
    }

    /** True if {@code type} reads as a missing or non-type label (case and surrounding blanks ignored). */
    public static boolean isPlaceholder(String type) {
        return NAMES.contains(type.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The warning for the placeholder types of {@code reference}, with their cell counts when known, or empty when
     * it has none.
     *
     * @param excludeOption the option that leaves types out, named in the warning (e.g. {@code --exclude-types})
     */
    public static Optional<String> warning(Reference reference, String excludeOption) {
        List<String> listed = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < reference.types(); k++) {
            String t = reference.cellTypes().get(k);
            if (isPlaceholder(t)) {
                names.add(t);
                listed.add("'" + t + "'" + (reference.cellCounts().length > 0
                        ? " (" + reference.cellCounts()[k] + " cells)" : ""));
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("reference cell types that look like missing labels: " + String.join(", ", listed)
                + "; they are fitted like any type; leave them out with " + excludeOption + " "
                + String.join(",", names));
    }
}
