#!/usr/bin/python3
"""Writes the AnnData files shaped like the ones users have (anndata/ folder): a CELLxGENE-style reference, spatial
files whose X is log-normalised with the counts in layers["counts"] or raw/X, one without counts anywhere, and two
sections concatenated in one file. Run with Debian's python3-anndata (0.8), from this folder:
    /usr/bin/python3 make_anndata_files.py
The counts are drawn from 3 cell-type profiles, seeded; anndata_truth.txt holds what the Java tests compare.
"""
import os
import warnings

import anndata
import numpy as np
import pandas as pd
import scipy.sparse as sp

warnings.simplefilter("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(7)

G, T = 30, 3
symbols = ["GENE%02d" % i for i in range(G)]
ids = ["ENSG%011d" % (1000 + i) for i in range(G)]
types = ["B cell", "T cell", "macrophage"]
profiles = rng.gamma(0.6, 1.0, size=(T, G))
for t in range(T):
    profiles[t, t * 10:(t + 1) * 10] += 4.0  # ten markers each
profiles /= profiles.sum(1, keepdims=True)


def out(name):
    p = os.path.join(HERE, "anndata", name)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def lognorm(c):
    return np.log1p(c / np.maximum(c.sum(1, keepdims=True), 1) * 1e4).astype(np.float32)


# ---------------------------------------------------------------- CELLxGENE-style reference
cells_per = [40, 40, 40]
labels = sum(([t] * n for t, n in zip(types, cells_per)), []) + ["unknown"] * 12 + [None] * 3
C = len(labels)
ref_counts = np.zeros((C, G + 2), dtype=np.int64)
for c, lab in enumerate(labels):
    p = profiles[types.index(lab)] if lab in types else profiles.mean(0)
    ref_counts[c, :G] = rng.multinomial(400, p)
    ref_counts[c, G:] = rng.poisson(3, size=2)
# CELLxGENE: Ensembl ids (versioned here for five genes) as var_names, symbols in feature_name; five symbols are
# old names the spatial side does not use, so only ids find them
ref_ids = [i + ".5" if k % 6 == 0 else i for k, i in enumerate(ids)]
ref_symbols = [s if k % 6 != 3 else "OLD" + s for k, s in enumerate(symbols)]
raw_ids = ref_ids + ["ENSG%011d" % 9001, "ENSG%011d" % 9002]
raw_symbols = ref_symbols + ["EXTRA1", "EXTRA2"]
obs = pd.DataFrame({"cell_type": pd.Categorical(labels), "donor_id": pd.Categorical(["d1"] * C)},
                   index=["cell%03d" % i for i in range(C)])
var = pd.DataFrame({"feature_name": pd.Categorical(ref_symbols), "feature_biotype": pd.Categorical(["gene"] * G)},
                   index=pd.Index(ref_ids))
r = anndata.AnnData(X=sp.csr_matrix(lognorm(ref_counts[:, :G])), obs=obs, var=var)
rvar = pd.DataFrame({"feature_name": pd.Categorical(raw_symbols)}, index=pd.Index(raw_ids))
r.raw = anndata.AnnData(X=sp.csr_matrix(ref_counts.astype(np.float32)), obs=obs.copy(), var=rvar)
r.write_h5ad(out("cellxgene_reference.h5ad"), compression="gzip")

# the same cells with the counts in layers["counts"] only
r = anndata.AnnData(X=sp.csr_matrix(lognorm(ref_counts[:, :G])), obs=obs.copy(), var=var.copy())
r.layers["counts"] = sp.csr_matrix(ref_counts[:, :G].astype(np.float32))
r.write_h5ad(out("reference_counts_layer.h5ad"))

# ---------------------------------------------------------------- spatial: two sections of 6 x 5 spots
side_r, side_c = 6, 5
N1 = side_r * side_c
rows, cols = np.meshgrid(np.arange(side_r), np.arange(side_c), indexing="ij")
px = np.column_stack([cols.ravel() * 100.0 + 50, rows.ravel() * 100.0 + 50])


def section(seed_shift):
    frac = rng.dirichlet([0.6, 0.6, 0.6], size=N1)
    c = np.array([rng.multinomial(300, f @ profiles) for f in frac], dtype=np.int64)
    c[7, :] = 0  # a spot without counts
    return frac, c


frac1, c1 = section(0)
frac2, c2 = section(1)


def spatial(counts, barcodes, lib, frac):
    obs = pd.DataFrame({"in_tissue": np.ones(len(barcodes), dtype=np.int64),
                        "array_row": rows.ravel(), "array_col": cols.ravel()}, index=barcodes)
    var = pd.DataFrame({"gene_ids": ids, "feature_types": pd.Categorical(["Gene Expression"] * G)},
                       index=pd.Index(symbols))
    a = anndata.AnnData(X=sp.csr_matrix(lognorm(counts)), obs=obs, var=var)
    a.layers["counts"] = sp.csr_matrix(counts.astype(np.float32))
    a.obsm["spatial"] = px.copy()
    a.uns["spatial"] = {lib: {"images": {"hires": rng.integers(0, 255, (60, 50, 3), dtype=np.uint8)},
                              "scalefactors": {"tissue_hires_scalef": 0.1, "spot_diameter_fullres": 89.4}}}
    return a


bc1 = ["S1_%02d-1" % i for i in range(N1)]
bc2 = ["S2_%02d-1" % i for i in range(N1)]
s1 = spatial(c1, bc1, "section1", frac1)
s1.write_h5ad(out("spatial_counts_layer.h5ad"))

# X log-normalised, counts in raw/X with two more genes than X (as after subsetting X to variable genes)
a = spatial(c1, bc1, "section1", frac1)
del a.layers["counts"]
raw_counts = np.column_stack([c1, rng.poisson(2, size=(N1, 2))]).astype(np.float32)
a.raw = anndata.AnnData(X=sp.csr_matrix(raw_counts), obs=a.obs.copy(),
                        var=pd.DataFrame({"gene_ids": ids + ["ENSG%011d" % 9001, "ENSG%011d" % 9002]},
                                         index=pd.Index(symbols + ["EXTRA1", "EXTRA2"])))
a.write_h5ad(out("spatial_raw.h5ad"))

# no raw counts anywhere
a = spatial(c1, bc1, "section1", frac1)
del a.layers["counts"]
a.write_h5ad(out("spatial_no_counts.h5ad"))

# ad.concat of two sections sharing pixel space; obs["library_id"] says which
s2 = spatial(c2, bc2, "section2", frac2)
both = anndata.concat([s1, s2], label="library_id", keys=["section1", "section2"], uns_merge="unique")
both.var = s1.var.copy()
both.write_h5ad(out("two_sections.h5ad"))

rows = [("symbols", symbols), ("ids", ids), ("ref_types", types)]
rows += [("ref_mean " + t, [repr(float(v)) for v in ref_counts[[l == t for l in labels], :G].mean(0)]) for t in types]
rows.append(("spatial_counts_1", c1.ravel()))
with open(out("anndata_truth.txt"), "w") as f:
    f.write("".join(k + "\t" + "\t".join(str(v) for v in vals) + "\n" for k, vals in rows))

# the same slide re-saved in the HDF5 1.10 layout (superblock 3, link-message groups), which --h5ad-out cannot add
# to in place: it writes a new AnnData file instead
import h5py  # noqa: E402

with h5py.File(out("spatial_counts_layer.h5ad"), "r") as src, \
        h5py.File(out("spatial_latest_layout.h5ad"), "w", libver="latest") as dst:
    for k, v in src.attrs.items():
        dst.attrs[k] = v
    for k in src:
        src.copy(k, dst)
