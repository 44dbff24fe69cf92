/**
 * The {@code flashdeconv} command line (picocli). Commands are instantiated and populated by picocli through
 * reflection, so the command package is open to it.
 */
module org.flashdeconv.cli {
    requires org.flashdeconv.io;
    requires info.picocli;
    requires me.tongfei.progressbar;
    requires java.management;
    requires jdk.management;

    opens org.flashdeconv.cli to info.picocli;
    opens org.flashdeconv.cli.progress to info.picocli;
}
