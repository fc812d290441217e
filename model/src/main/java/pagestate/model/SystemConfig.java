package pagestate.model;

/**
 * What a spec describes about one seed system: a value from which the system's model is built. The
 * CPU conversion's is {@link Scenario}; each other system has its own record in its package.
 */
public interface SystemConfig {

    /** The seed system this configures. */
    SeedSystem system();

    /** The platform the system runs on, as {@code pagestate list} shows it ("tdx", "snp", "vtom", "cove"). */
    String platformLabel();

    /** The actors and their programs, one line each, as reports show them (the CPU system shows its steps itself). */
    default java.util.List<String> summary() {
        return java.util.List.of();
    }

    /** A new model of this configuration. */
    SystemModel<?, ?> newModel();
}
