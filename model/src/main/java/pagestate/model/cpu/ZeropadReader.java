package pagestate.model.cpu;

/**
 * A load_unaligned_zeropad() on {@code cpu} that reads the last bytes of {@code page} and, across the
 * page boundary, the first bytes of {@code page + 1}, through the direct map, once, at any time.
 */
public record ZeropadReader(String name, int cpu, int page) { }
