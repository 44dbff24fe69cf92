package org.flashdeconv.io.h5;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The gene names and ids of an AnnData {@code var} (or {@code raw/var}) dataframe, and where each came from.
 * AnnData files name genes in two ways: Space Ranger and scanpy put symbols in {@code var_names} and Ensembl ids
 * in {@code var["gene_ids"]}; CELLxGENE and many atlases put Ensembl ids in {@code var_names} and symbols in
 * {@code var["feature_name"]}. Both end up here as (symbols as names, Ensembl ids as ids), so that gene matching
 * can compare ids whenever both sides have them.
 *
 * @param names  one name per gene (the index value where a named column is missing for a gene)
 * @param ids    one id per gene, or an empty list
 * @param source where the names and ids came from, e.g. {@code names from var['feature_name'], ids from var_names}
 */
public record GeneLabels(List<String> names, List<String> ids, String source) {
    /** Columns that hold ids beside symbol var_names. */
    static final List<String> ID_COLUMNS = List.of("gene_ids", "gene_id", "ensembl_id", "gene_ensembl_id");
    /** Columns that hold symbols beside id var_names. */
    static final List<String> SYMBOL_COLUMNS = List.of("feature_name", "gene_symbols", "gene_symbol", "gene_name",
            "gene_names", "symbol", "Symbol");

    private static final Pattern STABLE_ID = Pattern.compile("(ENS[A-Z]*G\\d{6,}|FBgn\\d+|WBGene\\d+)(\\.\\d+)?");

    /** Copies the lists. */
    public GeneLabels {
        names = List.copyOf(names);
        ids = List.copyOf(ids);
    }

    /**
     * Reads the labels of {@code var}.
     *
     * @param var        the var dataframe
     * @param nameColumn a var column holding the gene names to match (e.g. {@code feature_name}), or null for the
     *                   default: var_names, unless they are stable ids and a symbol column exists
     *                   ({@code feature_name}, {@code gene_symbols}, {@code gene_symbol}, {@code gene_name}, ...)
     * @throws H5FormatException if the named column is missing (the message lists the columns) or unreadable
     */
    static GeneLabels of(AnnDataFrame var, String nameColumn) throws H5FormatException {
        String where = var.groupPath();
        String indexName = where.equals("var") ? "var_names" : where + " index";
        List<String> index = Arrays.asList(var.index());
        boolean indexIsIds = looksLikeIds(index);
        String idColumn = ID_COLUMNS.stream().filter(var::has).findFirst().orElse(null);
        List<String> ids;
        String idSource;
        if (idColumn != null) {
            ids = Arrays.asList(var.strings(idColumn));
            idSource = where + "['" + idColumn + "']";
        } else if (indexIsIds) {
            ids = index;
            idSource = indexName;
        } else {
            ids = List.of();
            idSource = null;
        }
        String column = nameColumn;
        if (column == null && indexIsIds && idColumn == null) {
            column = SYMBOL_COLUMNS.stream().filter(var::has).findFirst().orElse(null);
        }
        List<String> names = index;
        String nameSource = indexName;
        if (column != null) {
            if (!var.has(column)) {
                throw var.missing(column);
            }
            String[] values = var.strings(column);
            List<String> filled = new ArrayList<>(values.length);
            for (int g = 0; g < values.length; g++) {
                filled.add(values[g] == null || values[g].isBlank() ? index.get(g) : values[g]);
            }
            names = filled;
            nameSource = where + "['" + column + "']";
        }
        String source = "names from " + nameSource + (idSource == null ? ", no ids" : ", ids from " + idSource);
        return new GeneLabels(names, ids, source);
    }

    /** True if at least 90 % of the (non-empty) values are stable gene ids (Ensembl, FlyBase, WormBase). */
    static boolean looksLikeIds(List<String> values) {
        long n = 0;
        long ids = 0;
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                n++;
                ids += STABLE_ID.matcher(v).matches() ? 1 : 0;
            }
        }
        return n > 0 && ids * 10 >= n * 9;
    }
}
