#!/usr/bin/python3
"""Writes chunked.h5: 1-D chunked datasets of every numeric type and filter layout the io module's ChunkReader
reads itself (none, gzip, shuffle + gzip; little- and big-endian; a partial last chunk; a chunk never written),
and some it leaves to jHDF (lzf is not registered here, fletcher32, uint64). The test compares both read paths.

Run with Debian's python3-h5py, from this folder:  /usr/bin/python3 make_chunked.py
"""
import h5py
import numpy as np

rng = np.random.default_rng(13)
n = 1000
with h5py.File("chunked.h5", "w") as f:
    for name, dtype in [("f4", "<f4"), ("f8", "<f8"), ("i1", "<i1"), ("u1", "<u1"), ("i2", "<i2"), ("u2", "<u2"),
                        ("i4", "<i4"), ("u4", "<u4"), ("i8", "<i8"), ("be_i4", ">i4"), ("be_f8", ">f8"),
                        ("u8", "<u8")]:
        info = np.iinfo(dtype) if np.dtype(dtype).kind in "iu" else None
        lo, hi = (info.min, min(info.max, 2 ** 40)) if info is not None else (-1e6, 1e6)
        if info is not None:
            data = rng.integers(lo, hi, size=n, dtype=np.dtype(dtype).newbyteorder("="), endpoint=False)
        else:
            data = rng.uniform(lo, hi, size=n)
        data = data.astype(dtype)
        f.create_dataset("plain/" + name, data=data, chunks=(96,))
        f.create_dataset("gzip/" + name, data=data, chunks=(96,), compression="gzip", compression_opts=4)
        f.create_dataset("shuffle/" + name, data=data, chunks=(96,), compression="gzip", shuffle=True)
    small = rng.integers(0, 1 << 20, size=n).astype("<i8")
    f.create_dataset("fletcher/i8", data=small, chunks=(96,), fletcher32=True)
    holes = f.create_dataset("holes/i4", shape=(n,), dtype="<i4", chunks=(96,), fillvalue=-7)
    holes[0:96] = np.arange(96)
    holes[300:500] = np.arange(200)  # chunks 3..5 written, 1, 2 and 6.. never
