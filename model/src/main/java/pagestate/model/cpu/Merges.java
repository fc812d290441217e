package pagestate.model.cpu;

import static pagestate.model.cpu.StateWords.get;
import static pagestate.model.cpu.StateWords.set;

import java.util.ArrayList;
import java.util.List;

/**
 * The masks with which {@link PackedReductions} applies {@link Indistinguishable}'s merges to whole words
 * and TLB rows instead of field by field, computed once per spec: where the cache lines lie in each word,
 * and which TLB entries of a CPU's row are merged away. The 2-bit codes are the encoding's
 * ({@link StateWords}): a line NONE 0, CLEAN 1, DIRTY 2; a PTE present bit 1, attribute bit 0; a TLB entry
 * NONE 0, PRIVATE 1, SHARED 2.
 */
final class Merges {

    /** The low bit of every 2-bit group. */
    private static final long LOW = 0x5555555555555555L;

    /** The words that hold cache lines, and in each the low bits of the lines wholly inside it. */
    private final int[] lineWords;
    private final long[] lineLow;
    /** Lines that straddle two words (set field by field). */
    private final int[] straddling;
    /** The bits of the PTEs (bit 0 of word 0 on; the same order as the mappings with a PTE in a TLB row). */
    final int pteBits;
    /** In a TLB row: the entries of the pages no converter touches, for mappings with a PTE (both bits). */
    final long stableEntries;

    Merges(Layout layout, StateWords f, Indistinguishable merges) {
        List<Integer> words = new ArrayList<>();
        List<Long> low = new ArrayList<>();
        List<Integer> split = new ArrayList<>();
        for (int page = 0; page < layout.pages(); page++) {
            for (Attribute key : Attribute.values()) {
                int at = f.line(page, key);
                if ((at & 63) == 63) {
                    split.add(at);
                    continue;
                }
                int word = at >>> 6;
                int i = words.indexOf(word);
                if (i < 0) {
                    words.add(word);
                    low.add(0L);
                    i = words.size() - 1;
                }
                low.set(i, low.get(i) | 1L << (at & 63));
            }
        }
        this.lineWords = words.stream().mapToInt(Integer::intValue).toArray();
        this.lineLow = low.stream().mapToLong(Long::longValue).toArray();
        this.straddling = split.stream().mapToInt(Integer::intValue).toArray();
        this.pteBits = 2 * layout.pteCount();
        if (pteBits > 32) throw new IllegalArgumentException("the PTEs exceed 32 bits: " + layout);
        long stable = 0;
        for (int mi = 0; mi < layout.mappings(); mi++) {
            if (!layout.kind(mi).hasPte()) continue;   // the lazy alias's entries stay: no PTE to walk
            for (int page = 0; page < layout.pages(); page++) {
                if (merges.stable(page)) stable |= 3L << 2 * (mi * layout.pages() + page);
            }
        }
        this.stableEntries = stable;
    }

    /** Every CLEAN line of the state in {@code w[0 ..]} becomes NONE (a clean line and no line are merged). */
    void dropCleanLines(long[] w) {
        for (int i = 0; i < lineWords.length; i++) {
            long x = w[lineWords[i]];
            long clean = x & ~(x >>> 1) & lineLow[i];   // low bit set, high bit clear
            w[lineWords[i]] = x & ~clean;
        }
        for (int at : straddling) if (get(w, 0, at, 2) == Line.CLEAN.ordinal()) set(w, 0, at, 2, Line.NONE.ordinal());
    }

    /**
     * What a speculative fill caches from each PTE ({@link Hardware#fillFrom}), as a TLB row: for each
     * present PTE (code 2 or 3) the entry of its attribute (1 or 2), else 0.
     */
    static long fills(long ptes) {
        long present = (ptes >>> 1) & LOW;
        long shared = ptes & LOW;
        return (present & ~shared) | (present & shared) << 1;
    }

    /** {@code row} with each empty entry given what {@code fill} has there (saturation). */
    static long saturated(long row, long fill) {
        long empty = ~(row | row >>> 1) & LOW;
        return row | (fill & (empty | empty << 1));
    }
}
