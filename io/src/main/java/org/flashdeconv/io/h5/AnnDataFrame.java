package org.flashdeconv.io.h5;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An AnnData dataframe ({@code obs}, {@code var}, {@code raw/var}) read column by column, in both on-disk
 * conventions: anndata >= 0.8 (attribute {@code _index} naming the index dataset, categorical columns as
 * groups of {@code codes} + {@code categories}, nullable columns as {@code values} + {@code mask}) and
 * anndata 0.7 (categorical codes as a dataset with the categories in {@code __categories/<column>}). Whole
 * columns are read onto the heap: a dataframe column has one value per spot or gene. Valid while its
 * {@link H5File} is open.
 */
public final class AnnDataFrame {
    private final H5File file;
    private final String groupPath;
    private final Group group;
    private final String[] index;

    private AnnDataFrame(H5File file, String groupPath, Group group, String[] index) {
        this.file = file;
        this.groupPath = groupPath;
        this.group = group;
        this.index = index;
    }

    /**
     * Opens the dataframe at {@code groupPath} and reads its index.
     *
     * @throws H5FormatException if the group or its index dataset is missing
     */
    public static AnnDataFrame open(H5File file, String groupPath) throws H5FormatException {
        Group group = file.group(groupPath, "AnnData dataframe");
        String indexName = file.stringAttribute(group, "_index");
        if (indexName == null) {
            indexName = group.getChild("_index") != null ? "_index" : "index";
        }
        String[] index = file.strings(groupPath + "/" + indexName, "index of the " + groupPath + " dataframe");
        return new AnnDataFrame(file, groupPath, group, index);
    }

    /** The index (obs_names or var_names). */
    public String[] index() {
        return index;
    }

    /** The dataframe's group path ({@code obs}, {@code var}, {@code raw/var}). */
    public String groupPath() {
        return groupPath;
    }

    /** Number of rows. */
    public int length() {
        return index.length;
    }

    /** The column names (the index and anndata 0.7's {@code __categories} group excluded). */
    public List<String> columns() throws H5FormatException {
        String indexName = file.stringAttribute(group, "_index");
        List<String> names = new ArrayList<>();
        for (String name : group.getChildren().keySet()) {
            if (!name.equals(indexName) && !name.equals("_index") && !name.equals("__categories")) {
                names.add(name);
            }
        }
        return names;
    }

    /** True if the dataframe has a column {@code name}. */
    public boolean has(String name) {
        return group.getChild(name) != null;
    }

    /**
     * A column as strings: categorical columns decoded (a missing code, -1, gives null), numbers written as
     * integers when integral, masked entries of nullable columns null.
     *
     * @throws H5FormatException if the column is missing, has the wrong length or an unknown encoding
     */
    public String[] strings(String name) throws H5FormatException {
        String path = groupPath + "/" + name;
        Node node = file.find(path).orElseThrow(() -> missing(name));
        String[] out;
        if (node instanceof Group g) {
            String encoding = file.stringAttribute(g, "encoding-type");
            if (g.getChild("codes") != null && g.getChild("categories") != null) {
                out = decode(path + "/codes", values(path + "/categories"));
            } else if (g.getChild("values") != null) {
                out = masked(values(path + "/values"), path);
            } else {
                throw new H5FormatException(file.path(), path, "unsupported column encoding '" + encoding + "'");
            }
        } else {
            Optional<Node> oldCategories = file.find(groupPath + "/__categories/" + name);
            out = oldCategories.isPresent()
                    ? decode(path, values(groupPath + "/__categories/" + name))
                    : values(path);
        }
        if (out.length != index.length) {
            throw new H5FormatException(file.path(), path, "expected " + index.length + " values (the "
                    + groupPath + " length), found " + out.length);
        }
        return out;
    }

    /**
     * A numeric column as doubles (NaN where a nullable column is masked).
     *
     * @throws H5FormatException if the column is missing, not numeric or has the wrong length
     */
    public double[] numbers(String name) throws H5FormatException {
        String path = groupPath + "/" + name;
        Node node = file.find(path).orElseThrow(() -> missing(name));
        String valuesPath = node instanceof Group g && g.getChild("values") != null ? path + "/values" : path;
        NumericArray values = file.numeric(valuesPath, "numeric column " + name);
        if (values.length() != index.length) {
            throw new H5FormatException(file.path(), path, "expected " + index.length + " values (the "
                    + groupPath + " length), found " + values.length());
        }
        double[] out = new double[index.length];
        values.readDoubles(0, out.length, out);
        if (!valuesPath.equals(path)) {
            boolean[] mask = mask(path);
            for (int i = 0; i < out.length; i++) {
                if (mask[i]) {
                    out[i] = Double.NaN;
                }
            }
        }
        return out;
    }

    /** The error for a missing column {@code name}, listing the columns there are. */
    H5FormatException missing(String name) {
        List<String> cols;
        try {
            cols = columns();
        } catch (H5FormatException e) {
            cols = List.of();
        }
        return new H5FormatException(file.path(), groupPath + "/" + name, "no such column (found " + cols + ")");
    }

    private String[] decode(String codesPath, String[] categories) throws H5FormatException {
        NumericArray codes = file.numeric(codesPath, "categorical codes");
        double[] c = new double[(int) codes.length()];
        codes.readDoubles(0, c.length, c);
        String[] out = new String[c.length];
        for (int i = 0; i < c.length; i++) {
            int code = (int) c[i];
            if (code >= categories.length || code < -1) {
                throw new H5FormatException(file.path(), codesPath + "[" + i + "]", "code " + code
                        + " out of range for " + categories.length + " categories");
            }
            out[i] = code < 0 ? null : categories[code];
        }
        return out;
    }

    private String[] masked(String[] values, String path) throws H5FormatException {
        boolean[] mask = mask(path);
        for (int i = 0; i < values.length && i < mask.length; i++) {
            if (mask[i]) {
                values[i] = null;
            }
        }
        return values;
    }

    private boolean[] mask(String path) throws H5FormatException {
        NumericArray mask = file.numeric(path + "/mask", "nullable column mask");
        double[] m = new double[(int) mask.length()];
        mask.readDoubles(0, m.length, m);
        boolean[] out = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i] != 0;
        }
        return out;
    }

    /** A 1-D dataset of strings or numbers, as strings. */
    private String[] values(String path) throws H5FormatException {
        Dataset d = file.dataset(path, "dataframe values");
        if (d.getJavaType() == String.class) {
            return file.strings(d);
        }
        NumericArray n = file.numeric(path, "dataframe values");
        double[] v = new double[(int) n.length()];
        n.readDoubles(0, v.length, v);
        String[] out = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            out[i] = Double.isNaN(x) ? null
                    : x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
        }
        return out;
    }
}
