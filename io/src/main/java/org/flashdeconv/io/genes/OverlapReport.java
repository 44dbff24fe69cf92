package org.flashdeconv.io.genes;

import java.util.List;
import org.flashdeconv.io.json.JsonWriter;

/**
 * How the spatial and reference genes matched: counts per rule, and the genes left unmatched on each side
 * (distinct names; later occurrences of a duplicated name are counted separately) with the first
 * {@value #EXAMPLES} as examples in input order.
 *
 * @param spatialGenes        genes on the spatial side (all columns)
 * @param referenceGenes      genes on the reference side
 * @param exact               matched by exact name
 * @param caseInsensitive     matched by name ignoring case
 * @param byId                matched by gene id
 * @param spatialDuplicates   spatial columns whose name repeats an earlier one (left out)
 * @param referenceDuplicates reference columns whose name repeats an earlier one (left out)
 * @param spatialUnmatched    distinct spatial genes left unmatched
 * @param spatialExamples     the first of them
 * @param referenceUnmatched  distinct reference genes left unmatched
 * @param referenceExamples   the first of them
 * @param idsCompared         whether both sides had gene ids, so that the id rule (applied first) could run
 */
public record OverlapReport(int spatialGenes, int referenceGenes, int exact, int caseInsensitive, int byId,
                            int spatialDuplicates, int referenceDuplicates, int spatialUnmatched,
                            List<String> spatialExamples, int referenceUnmatched, List<String> referenceExamples,
                            boolean idsCompared) {
    /** How many unmatched genes are listed as examples on each side. */
    public static final int EXAMPLES = 10;

    /** Copies the lists. */
    public OverlapReport {
        spatialExamples = List.copyOf(spatialExamples);
        referenceExamples = List.copyOf(referenceExamples);
    }

    /** Genes matched by any rule. */
    public int matched() {
        return exact + caseInsensitive + byId;
    }

    /** A few lines for the terminal. */
    public String toText() {
        StringBuilder s = new StringBuilder();
        s.append("genes: ").append(matched()).append(" matched (")
                .append(idsCompared ? byId + " by id, " : "ids not compared: one side has none; ")
                .append(exact).append(" by name, ").append(caseInsensitive).append(" ignoring case) of ")
                .append(spatialGenes).append(" spatial and ").append(referenceGenes).append(" reference genes\n");
        s.append("  spatial genes not in the reference: ").append(spatialUnmatched)
                .append(examples(spatialExamples, spatialUnmatched)).append('\n');
        s.append("  reference genes not in the spatial data: ").append(referenceUnmatched)
                .append(examples(referenceExamples, referenceUnmatched)).append('\n');
        if (spatialDuplicates + referenceDuplicates > 0) {
            s.append("  duplicated names left out: ").append(spatialDuplicates).append(" spatial, ")
                    .append(referenceDuplicates).append(" reference\n");
        }
        return s.toString();
    }

    private static String examples(List<String> examples, int total) {
        if (examples.isEmpty()) {
            return "";
        }
        return " (" + String.join(", ", examples) + (total > examples.size() ? ", ..." : "") + ")";
    }

    /** Writes the report as one JSON object into {@code json} (as a value: after a name, in an array, or alone). */
    public JsonWriter writeJson(JsonWriter json) {
        json.beginObject()
                .field("matched", matched())
                .field("ids_compared", idsCompared)
                .field("matched_by_id", byId)
                .field("matched_exact", exact)
                .field("matched_case_insensitive", caseInsensitive)
                .field("spatial_genes", spatialGenes)
                .field("reference_genes", referenceGenes)
                .field("spatial_duplicates", spatialDuplicates)
                .field("reference_duplicates", referenceDuplicates)
                .field("spatial_unmatched", spatialUnmatched);
        json.field("spatial_unmatched_examples", spatialExamples).field("reference_unmatched", referenceUnmatched);
        return json.field("reference_unmatched_examples", referenceExamples).endObject();
    }

    /** The report as a JSON object. */
    public String toJson() {
        return writeJson(new JsonWriter()).toString();
    }
}
