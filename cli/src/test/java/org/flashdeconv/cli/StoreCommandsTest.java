package org.flashdeconv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flashdeconv.io.testing.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convert} and {@code info} through {@link Main#run}, with exit codes and what the user sees. */
class StoreCommandsTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static long jsonLong(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(-?\\d+)[,}]").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Long.parseLong(m.group(1));
    }

    private Path convertedLymphNode() throws IOException {
        Path mex = TestData.visiumLymphnode(dir);
        Path store = dir.resolve("lymph.fdstore");
        Result r = run("convert", mex.toString(), "-o", store.toString(), "--coords",
                mex.resolve("coordinates.csv.gz").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith(store + ": 1000 spots x 2000 genes, 335319 non-zeros, f32 values, "
                + "2-D coordinates, "), r.out());
        assertEquals("", r.err());
        return store;
    }

    @Test
    void convertThenInfoJsonOnTheVisiumLymphNode() throws IOException {
        Path store = convertedLymphNode();
        Result r = run("info", store.toString(), "--json", "--verify");
        assertEquals(0, r.code(), r.err());
        String json = r.out().trim();
        assertEquals(1, r.out().lines().count());
        assertEquals(1000, jsonLong(json, "n_spots"));
        assertEquals(2000, jsonLong(json, "n_genes"));
        assertEquals(TestData.VISIUM_LYMPHNODE_NNZ, jsonLong(json, "nnz"));
        assertTrue(json.contains("\"value_type\":\"f32\""), json);
        assertTrue(json.contains("\"has_coords\":true"), json);
        assertTrue(json.contains("\"checksums\":\"verified\""), json);
        assertEquals(2, jsonLong(json, "coord_dim"));
        Result text = run("info", store.toString());
        assertEquals(0, text.code());
        assertTrue(text.out().contains("1000 spots x 2000 genes"), text.out());
        assertTrue(text.out().contains("density 0.1677"), text.out());
        assertTrue(text.out().contains("not checked (use --verify)"), text.out());
    }

    @Test
    void plainMatrixMarketWithTranspose() throws IOException {
        Result r = convertMatrixMarket("m", "real", "2 3 3\n1 1 0.5\n2 3 4\n1 2 1\n", "--transpose");
        Path store = dir.resolve("m.fdstore");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("2 spots x 3 genes, 3 non-zeros, f32 values, "), r.out());
        Result info = run("info", "--json", store.toString());
        assertEquals(0, info.code());
        assertTrue(info.out().contains("\"has_coords\":false"), info.out());
        assertTrue(info.out().contains("\"totals\":{\"min\":1.5,\"median\":2.75,\"max\":4.0}"), info.out());
    }

    @Test
    void badInputIsOneLineAndExitOne() throws IOException {
        Result r = convertMatrixMarket("bad", "integer", "2 2 2\n1 1 1\n1 1 2\n");
        Path mtx = dir.resolve("bad.mtx");
        Path store = dir.resolve("bad.fdstore");
        assertEquals(1, r.code());
        assertEquals("flashdeconv convert: " + mtx + " line 4: duplicate entry for spot 0, gene 0 (0-based); first at "
                + mtx + " line 3", r.err().trim());
        assertFalse(Files.exists(store));
        Result missing = run("convert", dir.resolve("nope").toString(), "-o", store.toString());
        assertEquals(1, missing.code());
        assertEquals("flashdeconv convert: no such file or folder: " + dir.resolve("nope") + ": no such file or folder",
                missing.err().trim());
    }

    @Test
    void corruptStoreIsOneLineAndExitOne() throws IOException {
        Path store = convertedLymphNode();
        byte[] b = Files.readAllBytes(store);
        b[b.length - 3] ^= 1;
        Files.write(store, b);
        Result plain = run("info", store.toString());
        assertEquals(0, plain.code(), "without --verify only the structure is checked");
        Result r = run("info", store.toString(), "--verify");
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("flashdeconv info: " + store + ": checksum mismatch"), r.err());
        Files.write(store, new byte[100]);
        Result tiny = run("info", store.toString());
        assertEquals(1, tiny.code());
        assertTrue(tiny.err().contains("truncated"), tiny.err());
    }

    @Test
    void usageErrorsExitTwoAndHelpHasAnExample() {
        assertEquals(2, run("convert", "x").code(), "missing -o");
        assertEquals(2, run("info").code());
        assertEquals(2, run("info", "a", "--bogus").code());
        Result help = run("convert", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Example:") && help.out().contains("flashdeconv convert "), help.out());
        Result infoHelp = run("info", "--help");
        assertTrue(infoHelp.out().contains("flashdeconv info lymph_node.fdstore --json"), infoHelp.out());
        Result top = run("--help");
        assertTrue(top.out().contains("convert") && top.out().contains("info"), top.out());
    }

    @Test
    void bugsPrintAStackTrace() {
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new Main());
        cl.setErr(new PrintWriter(err));
        int code = new ErrorHandler().handleExecutionException(new IllegalStateException("boom"), cl, null);
        assertEquals(1, code);
        assertTrue(err.toString().contains("java.lang.IllegalStateException: boom")
                && err.toString().contains("\tat "), err.toString());
    }

    /**
     * Writes a Matrix Market file {@code name.mtx} of {@code field} values (its size line and entries in
     * {@code body}) and converts it to {@code name.fdstore} with the extra {@code options}.
     */
    private Result convertMatrixMarket(String name, String field, String body, String... options) throws IOException {
        Path mtx = Files.writeString(dir.resolve(name + ".mtx"), "%%MatrixMarket matrix coordinate " + field
                + " general\n" + body);
        List<String> args = new ArrayList<>(List.of("convert", mtx.toString()));
        args.addAll(List.of(options));
        args.addAll(List.of("-o", dir.resolve(name + ".fdstore").toString()));
        return run(args.toArray(String[]::new));
    }
}
