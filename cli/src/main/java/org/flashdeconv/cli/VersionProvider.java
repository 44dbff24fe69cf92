package org.flashdeconv.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"flashdeconv " + (v == null ? "dev" : v) + " (Java " + Runtime.version() + ")"};
    }
}
