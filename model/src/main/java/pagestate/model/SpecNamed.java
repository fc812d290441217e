package pagestate.model;

import java.util.Optional;

/** A value the spec language names: one lookup by that name for every such enum. */
public interface SpecNamed {

    /** The name a spec file uses. */
    String specName();

    /** The value among {@code values} whose spec name is {@code name}. */
    static <E extends SpecNamed> Optional<E> find(E[] values, String name) {
        for (E e : values) if (e.specName().equals(name)) return Optional.of(e);
        return Optional.empty();
    }
}
