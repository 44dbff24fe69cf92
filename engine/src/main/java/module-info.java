/**
 * The FlashDeconv algorithm on off-heap memory segments; the JDK only. The API package and the off-heap views
 * ({@code matrix}) are exported to everyone; the stage packages only to the modules of this project that drive
 * them (the readers and writers of {@code io}, the commands of {@code cli}).
 */
@SuppressWarnings("module") // the qualified exports name modules compiled after this one
module org.flashdeconv.engine {
    exports org.flashdeconv.engine;
    exports org.flashdeconv.engine.matrix;
    exports org.flashdeconv.engine.counts;

    exports org.flashdeconv.engine.genes to org.flashdeconv.io;
    exports org.flashdeconv.engine.parallel to org.flashdeconv.io, org.flashdeconv.cli;
}
