package org.flashdeconv.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.flashdeconv.io.reference.LoadedReference;
import org.flashdeconv.io.reference.Reference;

/**
 * A loaded reference as bytes, to broadcast from the driver to the executors (the reference's records are not
 * serializable, and bytes keep the broadcast's size plain: about 8 x types x genes).
 */
final class ReferenceCodec {
    private ReferenceCodec() {
    }

    /** The bytes of {@code loaded}. */
    static byte[] encode(LoadedReference loaded) {
        Reference r = loaded.reference();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            strings(out, r.cellTypes());
            strings(out, r.geneNames());
            strings(out, r.geneIds());
            for (double[] row : r.signatures()) {
                for (double v : row) {
                    out.writeDouble(v);
                }
            }
            out.writeInt(r.cellCounts().length);
            for (long c : r.cellCounts()) {
                out.writeLong(c);
            }
            strings(out, loaded.warnings());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The reference {@link #encode} wrote. */
    static LoadedReference decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            List<String> types = strings(in);
            List<String> genes = strings(in);
            List<String> ids = strings(in);
            double[][] sig = new double[types.size()][genes.size()];
            for (double[] row : sig) {
                for (int g = 0; g < row.length; g++) {
                    row[g] = in.readDouble();
                }
            }
            long[] counts = new long[in.readInt()];
            for (int k = 0; k < counts.length; k++) {
                counts[k] = in.readLong();
            }
            return new LoadedReference(new Reference(types, genes, ids, sig, counts), strings(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            byte[] u = v.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(u.length);
            out.write(u);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] u = new byte[in.readInt()];
            in.readFully(u);
            values.add(new String(u, java.nio.charset.StandardCharsets.UTF_8));
        }
        return values;
    }
}
