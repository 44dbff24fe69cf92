#!/usr/bin/python3
"""Writes a large Visium-HD-like AnnData file for bench/run-h5ad-copy.sh: SPOTS bins x 18000 genes, about 100
counts-bearing genes per bin (CSR float32 X, gzip-free), obs with in_tissue/array_row/array_col and a library_id,
var gene_ids, obsm["spatial"], uns["spatial"] with a 2000 x 2000 hires image. Seeded.

    /usr/bin/python3 bench/scripts/make_big_h5ad.py SPOTS OUT.h5ad
"""
import sys

import anndata
import numpy as np
import pandas as pd
import scipy.sparse as sp

n = int(sys.argv[1])
G, per = 18000, 100
rng = np.random.default_rng(1)
indptr = np.arange(0, (n + 1) * per, per, dtype=np.int64)
indices = np.empty(n * per, dtype=np.int32)
block = 100000
for s in range(0, n, block):
    e = min(n, s + block)
    r = rng.integers(0, G, size=(e - s, per), dtype=np.int32)
    r.sort(axis=1)
    r += np.arange(per, dtype=np.int32)  # strictly increasing within a row
    r %= G
    r.sort(axis=1)
    indices[s * per:e * per] = r.ravel()
data = rng.integers(1, 6, size=n * per).astype(np.float32)
X = sp.csr_matrix((data, indices, indptr), shape=(n, G))
X.sum_duplicates()
side = int(np.ceil(np.sqrt(n)))
rows, cols = np.divmod(np.arange(n), side)
obs = pd.DataFrame({"in_tissue": np.ones(n, dtype=np.int8), "array_row": rows, "array_col": cols,
                    "library_id": pd.Categorical(["slide1"] * n)},
                   index=["s_008um_%05d_%05d-1" % (r, c) for r, c in zip(rows, cols)])
var = pd.DataFrame({"gene_ids": ["ENSG%011d" % i for i in range(G)]}, index=["GENE%05d" % i for i in range(G)])
a = anndata.AnnData(X=X, obs=obs, var=var)
a.obsm["spatial"] = np.column_stack([cols * 8.0, rows * 8.0])
a.uns["spatial"] = {"slide1": {"images": {"hires": rng.integers(0, 255, (2000, 2000, 3), dtype=np.uint8)},
                               "scalefactors": {"tissue_hires_scalef": 0.1}}}
a.write_h5ad(sys.argv[2])
