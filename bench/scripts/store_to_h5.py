#!/usr/bin/python3
"""Writes a .fdstore's counts as an AnnData .h5ad and as a 10x filtered_feature_bc_matrix.h5, the way anndata and
Cell Ranger write them, for the scaling harness's convert measurements (bench/README.md).

    /usr/bin/python3 bench/scripts/store_to_h5.py SLIDE.fdstore OUT.h5ad OUT_10x.h5

The h5ad: X as csr_matrix (data float32, indices int32, indptr int64) in chunked, uncompressed, resizable datasets
(anndata's sparse writer: maxshape=(None,), h5py's chunk guess), obs/var indices, obsm['spatial'].
The 10x file: group matrix (CSC by barcode: data int32, indices int64, indptr int64, shape, barcodes,
features/id|name|feature_type|genome), every dataset gzip (level 4) + shuffle in chunks of 80 000 elements, as
Cell Ranger's matrix writer does. Needs Debian's python3-h5py and python3-numpy; reads the store with numpy only
(little-endian header, section table: kind u32, crc u32, offset i64, length i64, items i64).
"""
import struct
import sys

import h5py
import numpy as np

ROW_PTR, COL_IDX, VALUES, TOTALS, BARCODES, GENE_NAMES, GENE_IDS, COORDS = range(1, 9)
TENX_CHUNK = 80000
STEP = 1 << 24


def read_store(path):
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    head = bytes(raw[:1088])
    if head[:8] != b"FDSTORE\x1a":
        sys.exit("%s: not a .fdstore file" % path)
    spots, genes, nnz = struct.unpack_from("<qqq", head, 16)
    vbytes, dim = struct.unpack_from("<ii", head, 40)
    count = struct.unpack_from("<i", head, 56)[0]
    sections = {}
    for i in range(count):
        kind, _crc, off, length, _items = struct.unpack_from("<IIqqq", head, 64 + 32 * i)
        sections[kind] = (off, length)

    def section(kind, dtype):
        off, length = sections[kind]
        return np.frombuffer(raw, dtype=dtype, count=length // np.dtype(dtype).itemsize, offset=off)

    def strings(kind, n):
        off, length = sections[kind]
        offs = np.frombuffer(raw, dtype="<i8", count=n + 1, offset=off)
        base = off + 8 * (n + 1)
        blob = bytes(raw[base:base + int(offs[-1])])
        return [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n)]

    ids = strings(GENE_IDS, genes) if sections.get(GENE_IDS, (0, 0))[1] > 8 else None
    return dict(spots=spots, genes=genes, nnz=nnz,
                rowptr=section(ROW_PTR, "<i8"), cols=section(COL_IDX, "<i4"),
                values=section(VALUES, "<f4" if vbytes == 4 else "<f8"),
                barcodes=strings(BARCODES, spots), names=strings(GENE_NAMES, genes), ids=ids,
                coords=section(COORDS, "<f8").reshape(spots, dim) if dim else None)


def copy(dset, src, dtype):
    for at in range(0, len(src), STEP):
        dset[at:at + STEP] = np.asarray(src[at:at + STEP], dtype=dtype)


def write_h5ad(s, path):
    str_t = h5py.string_dtype("utf-8")
    with h5py.File(path, "w") as f:
        f.attrs["encoding-type"] = "anndata"
        f.attrs["encoding-version"] = "0.1.0"
        x = f.create_group("X")
        x.attrs["encoding-type"] = "csr_matrix"
        x.attrs["encoding-version"] = "0.1.0"
        x.attrs["shape"] = np.array([s["spots"], s["genes"]], dtype=np.int64)
        for name, src, dtype in (("data", s["values"], np.float32), ("indices", s["cols"], np.int32),
                                 ("indptr", s["rowptr"], np.int64)):
            d = x.create_dataset(name, shape=(len(src),), maxshape=(None,), dtype=dtype, chunks=True)
            copy(d, src, dtype)
        for group, index in (("obs", s["barcodes"]), ("var", s["names"])):
            g = f.create_group(group)
            g.attrs["encoding-type"] = "dataframe"
            g.attrs["encoding-version"] = "0.2.0"
            g.attrs["_index"] = "_index"
            g.attrs["column-order"] = np.array([], dtype=str_t)
            d = g.create_dataset("_index", data=np.array(index, dtype=object), dtype=str_t)
            d.attrs["encoding-type"] = "string-array"
            d.attrs["encoding-version"] = "0.2.0"
        obsm = f.create_group("obsm")
        obsm.attrs["encoding-type"] = "dict"
        obsm.attrs["encoding-version"] = "0.1.0"
        if s["coords"] is not None:
            obsm.create_dataset("spatial", data=np.ascontiguousarray(s["coords"][:, :2]))
        for empty in ("layers", "obsp", "uns", "varm", "varp"):
            g = f.create_group(empty)
            g.attrs["encoding-type"] = "dict"
            g.attrs["encoding-version"] = "0.1.0"


def write_10x(s, path):
    gz = dict(compression="gzip", compression_opts=4, shuffle=True)
    with h5py.File(path, "w") as f:
        m = f.create_group("matrix")

        def ds(group, name, src, dtype):
            n = len(src)
            d = group.create_dataset(name, shape=(n,), maxshape=(None,), dtype=dtype,
                                     chunks=(max(1, min(TENX_CHUNK, n)),), **gz)
            copy(d, src, dtype)

        ds(m, "data", s["values"], np.int32)
        ds(m, "indices", s["cols"], np.int64)
        ds(m, "indptr", s["rowptr"], np.int64)
        m.create_dataset("shape", data=np.array([s["genes"], s["spots"]], dtype=np.int32), **gz)
        m.create_dataset("barcodes", data=np.array(s["barcodes"], dtype="S"), chunks=(max(1, min(TENX_CHUNK, len(s["barcodes"]))),), **gz)
        feat = m.create_group("features")
        ids = s["ids"] or s["names"]
        for name, vals in (("id", ids), ("name", s["names"]), ("feature_type", ["Gene Expression"] * s["genes"]),
                           ("genome", ["GRCh38"] * s["genes"])):
            feat.create_dataset(name, data=np.array(vals, dtype="S"), **gz)


def main(store, h5ad, tenx):
    s = read_store(store)
    write_h5ad(s, h5ad)
    write_10x(s, tenx)
    print("%s: %d spots x %d genes, %d entries -> %s, %s" % (store, s["spots"], s["genes"], s["nnz"], h5ad, tenx))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
