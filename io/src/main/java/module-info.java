/**
 * File formats of FlashDeconv: the memory-mapped count store, the readers of spatial and reference inputs, the
 * writers of results, plots and the simulator. jHDF is an automatic module ({@code io.jhdf}); {@code H5File}
 * hands jHDF's groups and datasets to this module's readers, and
 * the plots hand out AWT images.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module org.flashdeconv.io {
    requires transitive org.flashdeconv.engine;
    requires transitive io.jhdf;
    requires transitive java.desktop;

    exports org.flashdeconv.io;
    exports org.flashdeconv.io.atomic;
    exports org.flashdeconv.io.batch;
    exports org.flashdeconv.io.coords;
    exports org.flashdeconv.io.genes;
    exports org.flashdeconv.io.h5;
    exports org.flashdeconv.io.h5.edit;
    exports org.flashdeconv.io.json;
    exports org.flashdeconv.io.mex;
    exports org.flashdeconv.io.parquet;
    exports org.flashdeconv.io.plot;
    exports org.flashdeconv.io.reference;
    exports org.flashdeconv.io.result;
    exports org.flashdeconv.io.simulate;
    exports org.flashdeconv.io.source;
    exports org.flashdeconv.io.spaceranger;
    exports org.flashdeconv.io.store;
    exports org.flashdeconv.io.text;
}
