package org.flashdeconv.io.genes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flashdeconv.io.reference.Reference;
import org.flashdeconv.io.source.CountSource;

/**
 * Matches spatial genes to reference genes, in three rules applied in turn to the genes still unmatched:
 * exact name; name ignoring case; gene id (only when both sides have ids). A duplicated name on either side
 * takes part only by its first occurrence (with a warning). Each gene matches at most one on the other side.
 * The result is sorted by the spatial gene name, the working gene order of docs/algorithm.md §15.
 */
public final class GeneMatcher {
    /** The default least number of matched genes ({@code --min-overlap}). */
    public static final int DEFAULT_MIN_OVERLAP = 100;

    private GeneMatcher() {
    }

    /**
     * Matches a spatial source's genes to a reference's (names and ids of both).
     *
     * @see #match(List, List, List, List)
     */
    public static GeneMatch match(CountSource spatial, Reference reference) {
        return match(spatial.geneNames(), spatial.geneIds(), reference.geneNames(), reference.geneIds());
    }

    /**
     * Matches the genes. Never fails for a small overlap: see {@link GeneMatch#requireAtLeast(int)}.
     *
     * @param spatialNames   the spatial data's gene names, in column order
     * @param spatialIds     its gene ids, or an empty list
     * @param referenceNames the reference's gene names
     * @param referenceIds   its gene ids, or an empty list
     * @throws IllegalArgumentException if a non-empty id list does not have one id per gene, or a name is null
     */
    public static GeneMatch match(List<String> spatialNames, List<String> spatialIds, List<String> referenceNames,
                                  List<String> referenceIds) {
        checkIds("spatial", spatialNames, spatialIds);
        checkIds("reference", referenceNames, referenceIds);
        List<String> warnings = new ArrayList<>();
        boolean[] spatialDup = duplicates("spatial", spatialNames, warnings);
        boolean[] refDup = duplicates("reference", referenceNames, warnings);
        int[] refOfSpatial = new int[spatialNames.size()];
        Arrays.fill(refOfSpatial, -1);
        boolean[] refUsed = refDup.clone();

        Map<String, Integer> byName = firstIndex(referenceNames, refUsed, s -> s);
        int exact = apply(spatialNames, spatialDup, refOfSpatial, refUsed, byName, s -> s);
        Map<String, Integer> byLower = firstIndex(referenceNames, refUsed, GeneMatcher::lower);
        int caseInsensitive = apply(spatialNames, spatialDup, refOfSpatial, refUsed, byLower, GeneMatcher::lower);
        int byId = 0;
        if (!spatialIds.isEmpty() && !referenceIds.isEmpty()) {
            Map<String, Integer> ids = firstIndex(referenceIds, refUsed, s -> s == null || s.isBlank() ? null : s);
            boolean[] skip = spatialDup.clone();
            for (int i = 0; i < skip.length; i++) {
                skip[i] |= refOfSpatial[i] >= 0;
            }
            byId = apply(spatialIds, skip, refOfSpatial, refUsed, ids, s -> s == null || s.isBlank() ? null : s);
        }

        Integer[] order = new Integer[spatialNames.size()];
        int matched = 0;
        for (int i = 0; i < refOfSpatial.length; i++) {
            if (refOfSpatial[i] >= 0) {
                order[matched++] = i;
            }
        }
        Arrays.sort(order, 0, matched, (a, b) -> spatialNames.get(a).compareTo(spatialNames.get(b)));
        List<String> genes = new ArrayList<>(matched);
        int[] spatialIndex = new int[matched];
        int[] referenceIndex = new int[matched];
        int[] spatialToAligned = new int[spatialNames.size()];
        int[] referenceToAligned = new int[referenceNames.size()];
        Arrays.fill(spatialToAligned, -1);
        Arrays.fill(referenceToAligned, -1);
        for (int a = 0; a < matched; a++) {
            int s = order[a];
            genes.add(spatialNames.get(s));
            spatialIndex[a] = s;
            referenceIndex[a] = refOfSpatial[s];
            spatialToAligned[s] = a;
            referenceToAligned[refOfSpatial[s]] = a;
        }
        List<String> spatialLeft = unmatched(spatialNames, spatialDup, spatialToAligned);
        List<String> refLeft = unmatched(referenceNames, refDup, referenceToAligned);
        OverlapReport report = new OverlapReport(spatialNames.size(), referenceNames.size(), exact, caseInsensitive,
                byId, count(spatialDup), count(refDup), spatialLeft.size(), head(spatialLeft), refLeft.size(),
                head(refLeft));
        return new GeneMatch(genes, spatialIndex, referenceIndex, spatialToAligned, referenceToAligned, report,
                warnings);
    }

    private static void checkIds(String side, List<String> names, List<String> ids) {
        if (!ids.isEmpty() && ids.size() != names.size()) {
            throw new IllegalArgumentException("gene matching: the " + side + " side has " + names.size()
                    + " gene names but " + ids.size() + " gene ids");
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null) {
                throw new IllegalArgumentException("gene matching: " + side + " gene " + i + " has no name");
            }
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Marks later occurrences of a name; warns once per side. */
    private static boolean[] duplicates(String side, List<String> names, List<String> warnings) {
        boolean[] dup = new boolean[names.size()];
        Map<String, Integer> seen = new HashMap<>();
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < dup.length; i++) {
            if (seen.putIfAbsent(names.get(i), i) != null) {
                dup[i] = true;
                if (examples.size() < OverlapReport.EXAMPLES) {
                    examples.add(names.get(i));
                }
            }
        }
        int n = count(dup);
        if (n > 0) {
            warnings.add(n + " " + side + " genes repeat an earlier name and are left out (the first occurrence is"
                    + " used): " + String.join(", ", examples) + (n > examples.size() ? ", ..." : ""));
        }
        return dup;
    }

    /** Key -> first reference column not yet used (null keys skipped). */
    private static Map<String, Integer> firstIndex(List<String> values, boolean[] used,
                                                  java.util.function.UnaryOperator<String> key) {
        Map<String, Integer> map = new HashMap<>();
        for (int j = 0; j < values.size(); j++) {
            String k = used[j] ? null : key.apply(values.get(j));
            if (k != null) {
                map.putIfAbsent(k, j);
            }
        }
        return map;
    }

    /** Matches the spatial genes not skipped and not yet matched whose key is in the map; returns the count. */
    private static int apply(List<String> values, boolean[] skip, int[] refOf, boolean[] refUsed,
                             Map<String, Integer> map, java.util.function.UnaryOperator<String> key) {
        int n = 0;
        for (int i = 0; i < values.size(); i++) {
            if (skip[i] || refOf[i] >= 0) {
                continue;
            }
            String k = key.apply(values.get(i));
            Integer j = k == null ? null : map.remove(k);
            if (j != null && !refUsed[j]) {
                refOf[i] = j;
                refUsed[j] = true;
                n++;
            }
        }
        return n;
    }

    private static List<String> unmatched(List<String> names, boolean[] dup, int[] toAligned) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!dup[i] && toAligned[i] < 0) {
                out.add(names.get(i));
            }
        }
        return out;
    }

    private static List<String> head(List<String> list) {
        return list.subList(0, Math.min(OverlapReport.EXAMPLES, list.size()));
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
