package org.flashdeconv.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.flashdeconv.cli.BatchCommand;
import org.flashdeconv.io.batch.Manifest;
import org.flashdeconv.io.batch.SlideSummary;
import org.flashdeconv.io.reference.LoadedReference;
import picocli.CommandLine;

/**
 * {@code flashdeconv batch} on Apache Spark: the same options, the same output folder (result folders, the
 * Parquet table partitioned by slide, {@code summaries.csv}, completion markers), with the manifest, the inputs
 * and the output given as Hadoop paths or URIs. The driver reads the manifest and the reference (a path the driver
 * can read locally), skips complete slides, broadcasts the reference and runs one task per slide
 * ({@link SlideRunner}); it then writes {@code summaries.csv}. Exit code 1 when a slide failed, 2 on bad usage.
 *
 * <pre>{@code spark-submit --class org.flashdeconv.spark.BatchApp flashdeconv-spark.jar \
 *     --manifest hdfs:///atlas/slides.csv --reference signatures.csv -o hdfs:///atlas/out}</pre>
 */
public final class BatchApp {
    private BatchApp() {
    }

    /** Runs the batch on the session spark-submit configures and exits with its code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        SparkSession spark = SparkSession.builder().appName("flashdeconv batch").getOrCreate();
        try {
            code = run(spark, out, err, args);
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /**
     * Runs the batch on {@code spark} and returns the exit code: 0 all slides ok, 1 a slide failed or an input
     * could not be read (one line on {@code err}), 2 bad usage.
     */
    public static int run(SparkSession spark, PrintWriter out, PrintWriter err, String... args) {
        try {
            BatchCommand cmd = BatchCommand.parse(args);
            cmd.options(null);
            String ignored = cmd.ignoredOptionsWarning();
            if (ignored != null) {
                err.println(ignored);
            }
            return batch(spark, cmd, out, err, args);
        } catch (CommandLine.ParameterException e) {
            err.println("flashdeconv-spark: " + e.getMessage());
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            err.println("flashdeconv-spark: " + oneLine(e));
            return 1;
        }
    }

    private static int batch(SparkSession spark, BatchCommand cmd, PrintWriter out, PrintWriter err, String[] args)
            throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = jsc.hadoopConfiguration();
        Path manifestPath = HadoopFiles.fs(new Path(cmd.manifest()), conf).makeQualified(new Path(cmd.manifest()));
        Manifest manifest = Manifest.parse(HadoopFiles.readText(manifestPath, conf), manifestPath.toString());
        Path base = manifestPath.getParent();
        Path root = HadoopFiles.fs(new Path(cmd.output()), conf).makeQualified(new Path(cmd.output()));
        Path markers = new Path(root, BatchCommand.COMPLETE);
        Set<String> complete = new HashSet<>(HadoopFiles.list(markers, conf));
        Map<String, SlideSummary> results = new LinkedHashMap<>();
        List<SlideTask> tasks = new ArrayList<>();
        for (Manifest.Slide s : manifest.slides()) {
            results.put(s.id(), null);
            if (complete.contains(s.id() + ".csv")) {
                Path marker = new Path(markers, s.id() + ".csv");
                results.put(s.id(), SlideSummary.parse(HadoopFiles.readText(marker, conf), marker.toString()));
            } else {
                tasks.add(new SlideTask(s.id(), new Path(base, s.spatial()).toString(),
                        s.coords() == null ? null : new Path(base, s.coords()).toString(), s.libraryKey(), s.line()));
            }
        }
        int skipped = manifest.slides().size() - tasks.size();
        if (!tasks.isEmpty()) {
            LoadedReference loaded = cmd.loadReference();
            loaded.warnings().forEach(w -> err.println("warning: " + w));
            Broadcast<byte[]> reference = jsc.broadcast(ReferenceCodec.encode(loaded));
            List<String> done;
            try {
                done = jsc.parallelize(tasks, tasks.size())
                        .map(new SlideRunner(args, reference, root.toString(), HadoopFiles.entries(conf))).collect();
            } catch (Exception e) { // a SparkException (undeclared by the Scala API) when a task failed for good
                err.println("flashdeconv-spark: the job failed (complete slides are kept; run again to resume): "
                        + oneLine(e));
                return 1;
            } finally {
                reference.destroy();
            }
            for (String marker : done) {
                SlideSummary s = SlideSummary.parse(marker, "task result");
                results.put(s.slideId(), s);
            }
        }
        List<SlideSummary> rows = new ArrayList<>(results.values());
        HadoopFiles.writeText(new Path(root, BatchCommand.SUMMARIES), SlideSummary.table(rows), conf);
        long failed = rows.stream().filter(s -> !s.ok()).count();
        for (SlideSummary s : rows) {
            if (!s.ok()) {
                err.println("flashdeconv-spark: slide " + s.slideId() + ": " + s.error());
            }
        }
        out.printf(Locale.ROOT, "batch: %d slides, %d ok (%d already complete), %d failed; %s%n", rows.size(),
                rows.size() - failed, skipped, failed, new Path(root, BatchCommand.SUMMARIES));
        return failed == 0 ? 0 : 1;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').replace('\r', ' ');
    }
}
