package pagestate.model.cpu;

/** The host (VMM) touching {@code page} whenever it considers the page shared: reading and/or writing it. */
public record HostActor(String name, int page, boolean reads, boolean writes) { }
