package pagestate.cli;

import picocli.CommandLine.IVersionProvider;

/** The tool's version, from the jar manifest (the Maven project version). */
final class Version implements IVersionProvider {

    static final String VERSION = java.util.Optional.ofNullable(Version.class.getPackage().getImplementationVersion())
            .orElse("dev");

    @Override
    public String[] getVersion() {
        return new String[] {"pagestate " + VERSION};
    }
}
