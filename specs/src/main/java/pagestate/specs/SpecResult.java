package pagestate.specs;

import java.util.List;

/**
 * What {@link SpecLoader} returns: a valid spec, or every error found in it (never both, never neither), or
 * with a deadline, that it passed first.
 */
public sealed interface SpecResult permits SpecResult.Loaded, SpecResult.Failed, SpecResult.Stopped {

    /** A spec that parsed and validated. */
    record Loaded(Spec spec) implements SpecResult {
        public Loaded {
            java.util.Objects.requireNonNull(spec);
        }
    }

    /** The errors of a spec (and of the bases it extends), in the order found; never empty. */
    record Failed(List<SpecError> errors) implements SpecResult {
        public Failed {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) throw new IllegalArgumentException("a failed load has at least one error");
        }
    }

    /**
     * A load given a deadline ({@link SpecLoader#load(java.nio.file.Path, long)}) that passed before the
     * spec was read and checked: neither valid nor invalid as far as is known.
     */
    record Stopped(java.nio.file.Path file) implements SpecResult {
        public Stopped {
            java.util.Objects.requireNonNull(file);
        }
    }

    default boolean ok() {
        return this instanceof Loaded;
    }

    /** The errors, or an empty list for a loaded (or stopped) spec. */
    default List<SpecError> errors() {
        return this instanceof Failed f ? f.errors() : List.of();
    }
}
