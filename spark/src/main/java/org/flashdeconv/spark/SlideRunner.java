package org.flashdeconv.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serial;
import java.io.Writer;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.HashMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.flashdeconv.cli.BatchCommand;
import org.flashdeconv.cli.progress.ProgressBars;
import org.flashdeconv.engine.FlashDeconvOptions;
import org.flashdeconv.io.batch.SlideSummary;
import org.flashdeconv.io.reference.LoadedReference;
import org.flashdeconv.io.result.ProportionsTable;

/**
 * The executor's side of one slide: copies a remote input to local disk, runs the slide as {@code batch} does with
 * {@code spark.task.cpus} threads into a local folder, then commits the result folder, the slide's part of the
 * table and, last, its completion marker (each by rename, so a retried or speculative attempt replaces a file with
 * the same bytes and never adds one). Returns the slide's summary as its marker text.
 */
final class SlideRunner implements Function<SlideTask, String> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String[] args;
    private final Broadcast<byte[]> reference;
    private final String output;
    private final HashMap<String, String> hadoopConf;

    SlideRunner(String[] args, Broadcast<byte[]> reference, String output, HashMap<String, String> hadoopConf) {
        this.args = args.clone();
        this.reference = reference;
        this.output = output;
        this.hadoopConf = hadoopConf;
    }

    @Override
    public String call(SlideTask task) throws IOException {
        Configuration conf = HadoopFiles.configuration(hadoopConf);
        BatchCommand cmd = BatchCommand.parse(args);
        TaskContext ctx = TaskContext.get();
        FlashDeconvOptions options = cmd.options(ctx == null ? 1 : ctx.cpus());
        LoadedReference loaded = ReferenceCodec.decode(reference.value());
        java.nio.file.Path work = Files.createTempDirectory("flashdeconv-" + task.id() + "-");
        PrintWriter out = new PrintWriter(Writer.nullWriter()); // the driver prints the summary
        PrintWriter err = new PrintWriter(System.err, true);
        Path root = new Path(output);
        Path tablePart = new Path(new Path(new Path(root, BatchCommand.TABLE),
                ProportionsTable.partitionFolder(task.id())), ProportionsTable.PART_FILE);
        long start = System.nanoTime();
        try {
            java.nio.file.Path spatial;
            java.nio.file.Path coords;
            try {
                spatial = HadoopFiles.local(new Path(task.spatial()), conf, Files.createDirectories(work.resolve("in")));
                coords = task.coords() == null ? null
                        : HadoopFiles.local(new Path(task.coords()), conf, work.resolve("in"));
            } catch (IOException e) {
                String error = "cannot copy the input to local disk: " + e;
                err.println("flashdeconv batch: slide " + task.id() + ": " + error);
                return SlideSummary.failed(task.id(), (System.nanoTime() - start) / 1e9, error).marker();
            }
            java.nio.file.Path localPart = work.resolve(ProportionsTable.PART_FILE);
            SlideSummary s = cmd.runSlide(task.slide(), spatial, coords, work.resolve("out"), localPart, loaded,
                    options, ProgressBars.silent(), out, err);
            if (s.ok()) {
                HadoopFiles.commitFolder(work.resolve("out"), new Path(root, task.id()), conf);
                HadoopFiles.commit(localPart, tablePart, conf);
                HadoopFiles.writeText(new Path(new Path(root, BatchCommand.COMPLETE), task.id() + ".csv"), s.marker(),
                        conf);
            } else {
                HadoopFiles.fs(tablePart, conf).delete(tablePart, false);
            }
            return s.marker();
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(java.nio.file.Path dir) throws IOException {
        try (Stream<java.nio.file.Path> s = Files.walk(dir)) {
            for (java.nio.file.Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
