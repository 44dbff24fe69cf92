#!/usr/bin/python3
"""Checks that an --h5ad-out file opens in anndata (Debian's python3-anndata, >= 0.8) with the expected layout.

    /usr/bin/python3 bench/scripts/check_h5ad.py RESULT.h5ad [INPUT.h5ad]

With INPUT (the spatial AnnData the run read), also checks that everything of the input is still there. Prints a
short summary and exits 1 on a problem. Needs python3-anndata (apt-get install python3-anndata).
"""
import sys

import anndata
import numpy as np


def main(path, input_path=None):
    a = anndata.read_h5ad(path)
    problems = []
    fd = a.uns.get("flashdeconv", {})
    types = list(fd.get("cell_types", []))
    if not types:
        problems.append("uns['flashdeconv']['cell_types'] missing")
    cols = ["flashdeconv_" + t.replace("/", "_") for t in types]
    missing = [c for c in cols + ["flashdeconv_dominant", "flashdeconv_qc"] if c not in a.obs]
    if missing:
        problems.append("obs columns missing: %s" % missing)
        return report(a, problems)
    p = a.obs[cols].to_numpy()
    qc = a.obs["flashdeconv_qc"].astype(str).to_numpy()
    ok = qc == "ok"
    if (p[ok] < 0).any() or not np.allclose(p[ok].sum(1), 1.0, atol=1e-9) or not np.isnan(p[~ok]).all():
        problems.append("proportions are not >= 0 summing to 1 where qc is ok, NaN elsewhere")
    frame = a.obsm.get("flashdeconv")
    if frame is None or list(frame.columns) != [t.replace("/", "_") for t in types] or \
            not np.array_equal(frame.to_numpy(), p, equal_nan=True):
        problems.append("obsm['flashdeconv'] is not the DataFrame of the obs columns")
    dom = a.obs["flashdeconv_dominant"]
    if str(dom.dtype) != "category" or list(dom.cat.categories) != types:
        problems.append("obs['flashdeconv_dominant'] is not a categorical over the cell types")
    elif not (np.asarray(dom.cat.codes)[ok] == p[ok].argmax(1)).all() or (np.asarray(dom.cat.codes)[~ok] != -1).any():
        problems.append("obs['flashdeconv_dominant'] is not the argmax where qc is ok and missing elsewhere")
    if input_path:
        b = anndata.read_h5ad(input_path)
        for key in ["obs", "var", "obsm", "layers", "uns"]:
            kept = set(getattr(b, key).keys()) - set(getattr(a, key).keys())
            if kept:
                problems.append("%s lost %s" % (key, sorted(kept)))
        if (a.X != b.X).sum() if hasattr(a.X, "nnz") else not np.array_equal(a.X, b.X):
            problems.append("X differs from the input's")
    return report(a, problems)


def report(a, problems):
    print("anndata %s: %d spots; obs %s; obsm %s; uns %s" % (
        anndata.__version__, a.n_obs, list(a.obs.columns), sorted(a.obsm.keys()), sorted(a.uns.keys())))
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: check_h5ad.py RESULT.h5ad [INPUT.h5ad]")
    sys.exit(main(*sys.argv[1:]))
