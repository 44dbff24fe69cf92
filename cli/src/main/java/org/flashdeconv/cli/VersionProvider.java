package org.flashdeconv.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"flashdeconv " + version()};
    }

    /** "0.1.0 (Java 25.0.3+9-LTS)", or "dev (...)" when not run from the packaged jar. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")";
    }
}
