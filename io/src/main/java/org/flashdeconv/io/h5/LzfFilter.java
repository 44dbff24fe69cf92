package org.flashdeconv.io.h5;

import io.jhdf.exceptions.HdfFilterException;
import io.jhdf.filter.Filter;
import java.util.Arrays;

/**
 * The LZF filter (HDF5 filter 32000, h5py's default fast compressor) for jHDF, replacing jHDF 0.13's own,
 * which fails on chunks written without the uncompressed size in the filter's client data (h5py leaves it
 * out for variable-length strings, so every string column of an {@code lzf}-compressed {@code .h5ad} broke).
 * Like h5py's filter, it uses the size when given and otherwise grows the output buffer.
 */
final class LzfFilter implements Filter {
    static final int ID = 32000;

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return "lzf";
    }

    @Override
    public byte[] decode(byte[] in, int[] clientData) {
        int expected = clientData != null && clientData.length > 2 && clientData[2] > 0 ? clientData[2] : 0;
        if (expected == in.length) {
            return in; // h5py stores a chunk uncompressed when compression would not shrink it
        }
        byte[] out = new byte[expected > 0 ? expected : Math.max(64, in.length * 4)];
        int ip = 0;
        int op = 0;
        while (ip < in.length) {
            int ctrl = in[ip++] & 0xff;
            if (ctrl < 32) {
                int len = ctrl + 1;
                if (ip + len > in.length) {
                    throw new HdfFilterException("lzf: literal run past the end of the chunk at " + ip);
                }
                out = ensure(out, op + len);
                System.arraycopy(in, ip, out, op, len);
                ip += len;
                op += len;
            } else {
                int len = ctrl >>> 5;
                if (ip + (len == 7 ? 2 : 1) > in.length) {
                    throw new HdfFilterException("lzf: back reference cut off at the end of the chunk at " + ip);
                }
                if (len == 7) {
                    len += in[ip++] & 0xff;
                }
                len += 2;
                int ref = op - ((ctrl & 0x1f) << 8) - (in[ip++] & 0xff) - 1;
                if (ref < 0) {
                    throw new HdfFilterException("lzf: back reference before the start of the chunk at " + ip);
                }
                out = ensure(out, op + len);
                for (int i = 0; i < len; i++) {
                    out[op++] = out[ref++]; // byte by byte: the copy may overlap its own output
                }
            }
        }
        if (expected > 0 && op != expected) {
            throw new HdfFilterException("lzf: chunk decoded to " + op + " bytes, expected " + expected);
        }
        return op == out.length ? out : Arrays.copyOf(out, op);
    }

    private static byte[] ensure(byte[] out, int size) {
        return size <= out.length ? out : Arrays.copyOf(out, Math.max(size, out.length * 2));
    }
}
