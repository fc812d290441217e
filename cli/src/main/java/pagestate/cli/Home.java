package pagestate.cli;

import java.nio.file.Path;

/** Where the pagestate checkout is: the launcher passes it as -Dpagestate.home. */
final class Home {

    private Home() { }

    static Path bundledSpecs() {
        String home = System.getProperty("pagestate.home");
        return home == null ? null : Path.of(home, "specs");
    }
}
