#!/usr/bin/python3
"""Writes the small HDF5/Space Ranger/MEX test inputs of the io module and their ground truth (truth.txt).

Run with Debian's python3-anndata, python3-h5py and python3-scipy, from this folder:
    /usr/bin/python3 make_test_files.py
Every file is derived from two small seeded matrices (12 spots x 9 genes, 80 cells x 11 genes), so the Java
tests compare exact values against truth.txt.
"""
import gzip
import json
import os
import shutil
import warnings

import anndata
import h5py
import numpy as np
import pandas as pd
import scipy.sparse as sp

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20240611)

# ---------------------------------------------------------------- spatial ground truth
N, G = 12, 9
genes = ["Actb", "Cd3e", "Cd19", "Lyz2", "Gapdh", "Mki67", "Ptprc", "Ms4a1", "Nkg7"]
gene_ids = ["ENSMUSG%011d" % (100 + i) for i in range(G)]
barcodes = ["%s-1" % "".join(rng.choice(list("ACGT"), 16)) for _ in range(N)]
counts = rng.poisson(1.2, size=(N, G)).astype(np.int64)
counts[3, :] = 0  # an empty spot
counts[:, 5] = 0  # an unexpressed gene
xy = np.column_stack([rng.uniform(0, 1000, N).round(2), rng.uniform(0, 800, N).round(2)])
array_rc = np.column_stack([rng.integers(0, 78, N), rng.integers(0, 128, N)])

# ---------------------------------------------------------------- reference ground truth
C = 80
ref_genes = ["ACTB", "Cd3e", "Cd19", "Lyz2", "Gapdh", "Xist", "Ms4a1", "Cd68", "Nkg7", "Ptprc", "Mki67"]
ref_ids = ["ENSMUSG%011d" % (100 + genes.index(g)) if g in genes else "ENSMUSG%011d" % (900 + i)
           for i, g in enumerate(ref_genes)]
ref_ids[0] = gene_ids[0]
labels = (["T cell"] * 25 + ["B cell"] * 22 + ["Macrophage"] * 20 + ["rare"] * 5 + [None] * 4 + [""] * 4)
labels = list(rng.permutation(np.array(labels, dtype=object)))
cells = ["cell%03d" % i for i in range(C)]
ref_counts = rng.poisson(2.0, size=(C, len(ref_genes))).astype(np.int64)


def frame_index(names):
    return pd.Index(names)


def spatial_adata(X, **extra):
    obs = pd.DataFrame(index=frame_index(barcodes))
    var = pd.DataFrame({"gene_ids": gene_ids}, index=frame_index(genes))
    return anndata.AnnData(X=X, obs=obs, var=var, **extra)


def out(*parts):
    p = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


# ---------------------------------------------------------------- h5ad spatial variants
a = spatial_adata(sp.csr_matrix(counts.astype(np.float32)))
a.obsm["spatial"] = xy
a.write_h5ad(out("h5ad", "csr_gzip.h5ad"), compression="gzip")

a = spatial_adata(sp.csc_matrix(counts.astype(np.int32)))
a.obsm["X_spatial"] = xy
a.obsm["alt"] = xy * 10
a.write_h5ad(out("h5ad", "csc_lzf.h5ad"), compression="lzf")

a = spatial_adata(counts.astype(np.float32))
a.obs["x"] = xy[:, 0]
a.obs["y"] = xy[:, 1]
a.write_h5ad(out("h5ad", "dense_f32.h5ad"))

a = spatial_adata(counts.astype(np.float64) * 0.5)
a.layers["counts"] = sp.csr_matrix(counts)
a.obs["array_row"] = array_rc[:, 0]
a.obs["array_col"] = array_rc[:, 1]
a.write_h5ad(out("h5ad", "dense_layer.h5ad"))

a = spatial_adata(counts.astype(np.int64))
a.write_h5ad(out("h5ad", "dense_int_nocoords.h5ad"))

# anndata 0.7 layout, written by hand: _index attribute naming "index", h5sparse attributes, unsorted indices
with h5py.File(out("h5ad", "old_style.h5ad"), "w") as f:
    csr = sp.csr_matrix(counts.astype(np.float64))
    x = f.create_group("X")
    x.attrs["h5sparse_format"] = "csr"
    x.attrs["h5sparse_shape"] = np.array([N, G])
    order = []
    for r in range(N):
        s, e = csr.indptr[r], csr.indptr[r + 1]
        order.extend(list(range(s, e))[::-1])  # each row's genes in descending order
    x.create_dataset("data", data=csr.data[order], compression="gzip", chunks=(4,))
    x.create_dataset("indices", data=csr.indices[order].astype(np.int64), compression="gzip", chunks=(4,))
    x.create_dataset("indptr", data=csr.indptr.astype(np.int64))
    strt = h5py.string_dtype()
    obs = f.create_group("obs")
    obs.attrs["_index"] = "index"
    obs.attrs["column-order"] = np.array(["region"], dtype=object).astype(strt)
    obs.attrs["encoding-type"] = "dataframe"
    obs.attrs["encoding-version"] = "0.1.0"
    obs.create_dataset("index", data=np.array(barcodes, dtype=object), dtype=strt)
    obs.create_dataset("region", data=np.array([i % 3 for i in range(N)], dtype=np.int8))
    obs.create_group("__categories").create_dataset(
        "region", data=np.array(["cortex", "medulla", "pelvis"], dtype=object), dtype=strt)
    var = f.create_group("var")
    var.attrs["_index"] = "index"
    var.create_dataset("index", data=np.array(genes, dtype=object), dtype=strt)
    var.create_dataset("gene_ids", data=np.array(gene_ids, dtype=object), dtype=strt)
    f.create_group("obsm").create_dataset("spatial", data=xy)

# ---------------------------------------------------------------- 10x h5
def write_tenx(path, bcs, mat, names, ids, types, shuffle=False):
    """mat: spots x features dense; written CSC by barcode (features x barcodes)."""
    csc = sp.csc_matrix(mat.T.astype(np.int32))
    indices, data = csc.indices.copy(), csc.data.copy()
    if shuffle:
        for c in range(csc.shape[1]):
            s, e = csc.indptr[c], csc.indptr[c + 1]
            p = rng.permutation(e - s)
            indices[s:e], data[s:e] = indices[s:e][p], data[s:e][p]
    with h5py.File(path, "w") as f:
        m = f.create_group("matrix")
        m.create_dataset("barcodes", data=np.array(bcs, dtype="S"))
        m.create_dataset("data", data=data, compression="gzip")
        m.create_dataset("indices", data=indices.astype(np.int64), compression="gzip")
        m.create_dataset("indptr", data=csc.indptr.astype(np.int64))
        m.create_dataset("shape", data=np.array(csc.shape, dtype=np.int32))
        ft = m.create_group("features")
        ft.create_dataset("id", data=np.array(ids, dtype="S"))
        ft.create_dataset("name", data=np.array(names, dtype="S"))
        ft.create_dataset("feature_type", data=np.array(types, dtype="S"))
        ft.create_dataset("genome", data=np.array(["mm10"] * len(ids), dtype="S"))


def with_antibodies(mat):
    """Inserts antibody features after gene 2 and at the end: returns matrix, names, ids, types."""
    ab = rng.poisson(30, size=(mat.shape[0], 2))
    full = np.column_stack([mat[:, :3], ab[:, 0], mat[:, 3:], ab[:, 1]])
    names = genes[:3] + ["CD3_TotalSeqB"] + genes[3:] + ["CD19_TotalSeqB"]
    ids = gene_ids[:3] + ["CD3"] + gene_ids[3:] + ["CD19"]
    types = ["Gene Expression"] * 3 + ["Antibody Capture"] + ["Gene Expression"] * (G - 3) + ["Antibody Capture"]
    return full, names, ids, types


full, fnames, fids, ftypes = with_antibodies(counts)
write_tenx(out("tenx", "filtered_feature_bc_matrix.h5"), barcodes, full, fnames, fids, ftypes)
write_tenx(out("tenx", "unsorted_feature_bc_matrix.h5"), barcodes, full, fnames, fids, ftypes, shuffle=True)


def write_mex(folder, bcs, mat, names, ids, types):
    """mat: spots x features; writes the 10x v3 MEX triple (features x barcodes), gzipped."""
    os.makedirs(folder, exist_ok=True)
    coo = sp.coo_matrix(mat.T)
    with gzip.open(os.path.join(folder, "matrix.mtx.gz"), "wt") as f:
        f.write("%%MatrixMarket matrix coordinate integer general\n%metadata_json: {}\n")
        f.write("%d %d %d\n" % (coo.shape[0], coo.shape[1], coo.nnz))
        for r, c, v in sorted(zip(coo.row, coo.col, coo.data), key=lambda t: (t[1], t[0])):
            f.write("%d %d %d\n" % (r + 1, c + 1, v))
    with gzip.open(os.path.join(folder, "barcodes.tsv.gz"), "wt") as f:
        f.write("".join(b + "\n" for b in bcs))
    with gzip.open(os.path.join(folder, "features.tsv.gz"), "wt") as f:
        f.write("".join("%s\t%s\t%s\n" % t for t in zip(ids, names, types)))


# ---------------------------------------------------------------- Space Ranger Visium
# the matrix holds 3 extra barcodes that are not in tissue; tissue_positions lists them and 2 more, shuffled
extra = ["%s-1" % "".join(rng.choice(list("ACGT"), 16)) for _ in range(5)]
vis_bcs = barcodes[:6] + extra[:3] + barcodes[6:]
vis_mat = np.vstack([counts[:6], rng.poisson(1.0, size=(3, G)), counts[6:]])
vfull, _, _, _ = with_antibodies(vis_mat)
positions = [(b, 1, int(array_rc[i, 0]), int(array_rc[i, 1]), float(xy[i, 1]), float(xy[i, 0]))
             for i, b in enumerate(barcodes)]
positions += [(b, 0, 0, j, 5.0, 7.0) for j, b in enumerate(extra)]
positions = [positions[i] for i in rng.permutation(len(positions))]


def fmt(v):
    return repr(v) if isinstance(v, float) else str(v)


for name, header in (("visium", True), ("visium_list", False)):
    base = os.path.join(HERE, "spaceranger", name, "outs")
    shutil.rmtree(os.path.join(HERE, "spaceranger", name), ignore_errors=True)
    write_tenx(out("spaceranger", name, "outs", "filtered_feature_bc_matrix.h5"), vis_bcs, vfull, fnames, fids,
               ftypes)
    fname = "tissue_positions.csv" if header else "tissue_positions_list.csv"
    with open(out("spaceranger", name, "outs", "spatial", fname), "w") as f:
        if header:
            f.write("barcode,in_tissue,array_row,array_col,pxl_row_in_fullres,pxl_col_in_fullres\n")
        f.write("".join(",".join(fmt(v) for v in p) + "\n" for p in positions))
# a Visium folder with the MEX matrix instead of the .h5
shutil.rmtree(os.path.join(HERE, "spaceranger", "visium_mex"), ignore_errors=True)
write_mex(os.path.join(HERE, "spaceranger", "visium_mex", "filtered_feature_bc_matrix"), vis_bcs, vfull, fnames,
          fids, ftypes)
shutil.copy(out("spaceranger", "visium_list", "outs", "spatial", "tissue_positions_list.csv"),
            out("spaceranger", "visium_mex", "spatial", "tissue_positions_list.csv"))

# ---------------------------------------------------------------- Visium HD
shutil.rmtree(os.path.join(HERE, "spaceranger", "visium_hd"), ignore_errors=True)
hd_rc = [(301 + i // 4, 154 + i % 4) for i in range(N)]
for um, with_json in ((8, True), (16, False)):
    folder = "square_%03dum" % um
    bcs = ["s_%03dum_%05d_%05d-1" % (um, r, c) for r, c in hd_rc]
    write_tenx(out("spaceranger", "visium_hd", "outs", "binned_outputs", folder, "filtered_feature_bc_matrix.h5"),
               bcs, full * (1 if um == 8 else 2), fnames, fids, ftypes)
    sf = {"spot_diameter_fullres": 29.9, "microns_per_pixel": 0.27, "tissue_hires_scalef": 0.08}
    if with_json:
        sf["bin_size_um"] = float(um)
    with open(out("spaceranger", "visium_hd", "outs", "binned_outputs", folder, "spatial",
                  "scalefactors_json.json"), "w") as f:
        json.dump(sf, f)

# ---------------------------------------------------------------- single-cell references
cats = pd.Categorical(labels)
obs = pd.DataFrame({"cell_type": cats}, index=frame_index(cells))
rvar = pd.DataFrame({"gene_ids": ref_ids}, index=frame_index(ref_genes))
r = anndata.AnnData(X=sp.csr_matrix(ref_counts.astype(np.float32)), obs=obs, var=rvar)
r.write_h5ad(out("reference", "sc_counts.h5ad"), compression="gzip")

norm = np.log1p(ref_counts / np.maximum(ref_counts.sum(1, keepdims=True), 1) * 1e4)
r = anndata.AnnData(X=sp.csr_matrix(norm), obs=obs.copy(), var=rvar.copy())
r.raw = anndata.AnnData(X=sp.csr_matrix(ref_counts.astype(np.float64)), obs=obs.copy(), var=rvar.copy())
r.write_h5ad(out("reference", "sc_raw.h5ad"))
with h5py.File(out("reference", "sc_raw.h5ad"), "a") as f:
    strs = np.array(["" if v is None else v for v in labels], dtype=object)
    f["obs"].create_dataset("label_str", data=strs, dtype=h5py.string_dtype())

shutil.rmtree(os.path.join(HERE, "reference", "mex"), ignore_errors=True)
write_mex(os.path.join(HERE, "reference", "mex"), cells, ref_counts, ref_genes, ref_ids,
          ["Gene Expression"] * len(ref_genes))
with open(out("reference", "cells.csv"), "w") as f:
    f.write("cell,cell_type\n")
    f.write("".join("%s,%s\n" % (c, "" if l is None else l) for c, l in zip(cells, labels)))

kept = sorted(t for t in set(l for l in labels if l) if labels.count(t) >= 10)
means = np.array([ref_counts[[l == t for l in labels]].mean(0) for t in kept])
with open(out("reference", "signatures.csv"), "w") as f:
    f.write("cell_type," + ",".join(ref_genes) + "\n")
    for t, row in zip(kept, means):
        f.write(t + "," + ",".join(repr(float(v)) for v in row) + "\n")
with open(out("reference", "signatures_genes_by_types.csv"), "w") as f:
    f.write("gene," + ",".join(kept) + "\n")
    for j, g in enumerate(ref_genes):
        f.write(g + "," + ",".join(repr(float(v)) for v in means[:, j]) + "\n")

# ---------------------------------------------------------------- ground truth
with open(out("truth.txt"), "w") as f:
    def line(key, values):
        f.write(key + "\t" + "\t".join(str(v) for v in values) + "\n")
    line("barcodes", barcodes)
    line("genes", genes)
    line("gene_ids", gene_ids)
    line("counts", counts.ravel())
    line("xy", [repr(float(v)) for v in xy.ravel()])
    line("array_rc", array_rc.ravel())
    line("hd_rc", [v for rc in hd_rc for v in rc])
    line("ref_cells", cells)
    line("ref_genes", ref_genes)
    line("ref_gene_ids", ref_ids)
    line("ref_labels", ["<NA>" if l is None else ("<EMPTY>" if l == "" else l) for l in labels])
    line("ref_counts", ref_counts.ravel())
