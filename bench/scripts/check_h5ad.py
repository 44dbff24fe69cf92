#!/usr/bin/python3
"""Checks that an --h5ad-out file opens in anndata (Debian's python3-anndata, >= 0.8) with the expected layout.

    /usr/bin/python3 bench/scripts/check_h5ad.py RESULT.h5ad

Prints a short summary and exits 1 on a problem. Needs python3-anndata (apt-get install python3-anndata).
"""
import sys

import anndata
import numpy as np


def main(path):
    a = anndata.read_h5ad(path)
    n, k = a.n_obs, a.n_vars
    problems = []
    p = a.obsm.get("flashdeconv")
    if p is None or p.shape != (n, k):
        problems.append("obsm['flashdeconv'] missing or not %d x %d" % (n, k))
    else:
        p = np.asarray(p)
        if (p < 0).any() or not np.allclose(p.sum(1), 1.0, atol=1e-9):
            problems.append("proportions are not >= 0 with rows summing to 1")
    types = list(a.uns.get("flashdeconv_cell_types", []))
    if types != list(a.var_names):
        problems.append("uns['flashdeconv_cell_types'] %s differs from var_names %s" % (types, list(a.var_names)))
    dom = a.obs.get("flashdeconv_dominant")
    if dom is None or str(dom.dtype) != "category" or list(dom.cat.categories) != types:
        problems.append("obs['flashdeconv_dominant'] is not a categorical over the cell types")
    elif p is not None and not (np.asarray(dom.cat.codes) == np.asarray(p).argmax(1)).all():
        problems.append("obs['flashdeconv_dominant'] is not the argmax of the proportions")
    params = a.uns.get("flashdeconv_params")
    if not isinstance(params, dict):
        problems.append("uns['flashdeconv_params'] is not a dict")
    print("anndata %s: %d spots x %d cell types; obsm %s; params %s" % (
        anndata.__version__, n, k, sorted(a.obsm.keys()), dict(params or {})))
    print("dominant counts:", dict(dom.value_counts()) if dom is not None else None)
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: check_h5ad.py RESULT.h5ad")
    sys.exit(main(sys.argv[1]))
