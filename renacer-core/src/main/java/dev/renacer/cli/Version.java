package dev.renacer.cli;

import picocli.CommandLine.IVersionProvider;

/** --version: the jar's implementation version (set by the build), as strace prints its own. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"renacer -- version " + (v == null ? "development" : v)};
    }
}
