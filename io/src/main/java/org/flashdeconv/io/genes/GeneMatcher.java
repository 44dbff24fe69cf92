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
 * gene id (only when both sides have ids; an Ensembl version suffix is ignored); exact name; name ignoring case.
 * Ids come first because they are unambiguous where symbols are not (two genes with one symbol, renamed
 * symbols). A name repeated on one side takes part in the name rules only by its first occurrence; a repeat
 * that no id matched is left out with a warning. Each gene matches at most one on the other side.
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
        boolean[] spatialDup = duplicates(spatialNames);
        boolean[] refDup = duplicates(referenceNames);
        int[] refOfSpatial = new int[spatialNames.size()];
        Arrays.fill(refOfSpatial, -1);
        boolean[] refUsed = new boolean[referenceNames.size()];

        // ids first: they are unambiguous where names are not (two genes with one symbol, renamed symbols)
        int byId = 0;
        if (!spatialIds.isEmpty() && !referenceIds.isEmpty()) {
            Map<String, Integer> ids = firstIndex(referenceIds, duplicates(referenceIds), GeneMatcher::idKey);
            byId = apply(spatialIds, duplicates(spatialIds), refOfSpatial, refUsed, ids, GeneMatcher::idKey);
        }
        boolean[] refTaken = refUsed.clone();
        for (int j = 0; j < refTaken.length; j++) {
            refTaken[j] |= refDup[j];
        }
        Map<String, Integer> byName = firstIndex(referenceNames, refTaken, s -> s);
        int exact = apply(spatialNames, spatialDup, refOfSpatial, refTaken, byName, s -> s);
        Map<String, Integer> byLower = firstIndex(referenceNames, refTaken, GeneMatcher::lower);
        int caseInsensitive = apply(spatialNames, spatialDup, refOfSpatial, refTaken, byLower, GeneMatcher::lower);
        // a repeated name is only left out when its id did not match it
        int spatialLeftOut = warnDuplicates("spatial", spatialNames, spatialDup, refOfSpatial, warnings);
        int[] spatialOfRef = new int[referenceNames.size()];
        Arrays.fill(spatialOfRef, -1);
        for (int i = 0; i < refOfSpatial.length; i++) {
            if (refOfSpatial[i] >= 0) {
                spatialOfRef[refOfSpatial[i]] = i;
            }
        }
        int refLeftOut = warnDuplicates("reference", referenceNames, refDup, spatialOfRef, warnings);

        Integer[] order = new Integer[spatialNames.size()];
        int matched = 0;
        for (int i = 0; i < refOfSpatial.length; i++) {
            if (refOfSpatial[i] >= 0) {
                order[matched++] = i;
            }
        }
        Arrays.sort(order, 0, matched, (a, b) -> {
            int c = spatialNames.get(a).compareTo(spatialNames.get(b));
            return c != 0 ? c : Integer.compare(a, b);
        });
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
                byId, spatialLeftOut, refLeftOut, spatialLeft.size(), head(spatialLeft), refLeft.size(),
                head(refLeft), !spatialIds.isEmpty() && !referenceIds.isEmpty());
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

    /** An id as a matching key: blank is none, and an Ensembl-style version suffix (ENSG00000141510.17) is dropped. */
    private static String idKey(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        int dot = id.lastIndexOf('.');
        if (dot > 0 && id.startsWith("ENS") && dot + 1 < id.length()
                && id.substring(dot + 1).chars().allMatch(Character::isDigit)) {
            return id.substring(0, dot);
        }
        return id;
    }

    /** Marks later occurrences of a value (null values are never duplicates). */
    private static boolean[] duplicates(List<String> values) {
        boolean[] dup = new boolean[values.size()];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < dup.length; i++) {
            String v = values.get(i);
            dup[i] = v != null && seen.putIfAbsent(v, i) != null;
        }
        return dup;
    }

    /** Warns once per side about repeated names left unmatched; returns how many. */
    private static int warnDuplicates(String side, List<String> names, boolean[] dup, int[] matchedTo,
                                      List<String> warnings) {
        List<String> examples = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < dup.length; i++) {
            if (dup[i] && matchedTo[i] < 0) {
                n++;
                if (examples.size() < OverlapReport.EXAMPLES) {
                    examples.add(names.get(i));
                }
            }
        }
        if (n > 0) {
            warnings.add(n + " " + side + " genes repeat an earlier name and are left out (the first occurrence is"
                    + " used): " + String.join(", ", examples) + (n > examples.size() ? ", ..." : ""));
        }
        return n;
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

}
