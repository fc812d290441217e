package pagestate.model.cpu;

import java.util.List;

/**
 * Packs a {@link PageState} into 64-bit words and back: 2 bits a PTE, 2 a TLB entry, 4 a page's cache
 * lines, 2 its platform state, 3 its contents, then the actors, the sticky events and the crash.
 */
final class PageStateCodec {

    private static final int CAUSE_BITS = 5;
    private static final int PC_BITS = 8;
    private static final int STATUS_BITS = 3;

    private final Layout layout;
    private final HvPage[] hvStates;
    private final int bits;

    PageStateCodec(Scenario scenario, Layout layout, List<ConverterProgram> programs) {
        this.layout = layout;
        this.hvStates = HvPage.of(scenario.platform());
        for (ConverterProgram p : programs) {
            if (p.size() > ConverterProgram.MAX_SIZE || p.reuseIndex() + 1 >= (1 << PC_BITS)) throw new IllegalArgumentException("converter program too long");
        }
        if (Cause.values().length > 31 || Cause.values().length + 1 > (1 << CAUSE_BITS)) {
            throw new IllegalStateException("Cause does not fit the encoding");
        }
        this.bits = layout.pteCount() * 2 + layout.tlbCount() * 2 + layout.pages() * (4 + 2 + 3)
                + programs.size() * (PC_BITS + STATUS_BITS + CAUSE_BITS) + scenario.readers().size() * (1 + CAUSE_BITS)
                + Cause.values().length + CAUSE_BITS;
    }

    int words() {
        return Math.max(1, (bits + 63) / 64);
    }

    void encode(PageState s, long[] out, int offset) {
        Packer w = new Packer(out, offset);
        for (Pte p : s.ptes) w.put((p.present() ? 2 : 0) | p.attribute().ordinal(), 2);
        for (TlbEntry t : s.tlb) w.put(t.ordinal(), 2);
        for (int page = 0; page < layout.pages(); page++) {
            w.put(s.cache[page].privateKey().ordinal(), 2);
            w.put(s.cache[page].sharedKey().ordinal(), 2);
            w.put(indexOf(s.hv[page]), 2);
            w.put(s.contents[page].ordinal(), 3);
        }
        for (ConverterState c : s.converters) {
            w.put(c.pc(), PC_BITS);
            w.put(c.status().ordinal(), STATUS_BITS);
            w.put(c.last().ordinal(), CAUSE_BITS);
        }
        for (ReaderState r : s.readers) {
            w.put(r.done() ? 1 : 0, 1);
            w.put(r.outcome().ordinal(), CAUSE_BITS);
        }
        w.put(s.events, Cause.values().length);
        w.put(s.crash == null ? 0 : s.crash.ordinal() + 1, CAUSE_BITS);
        w.finish(offset + words());
    }

    PageState decode(long[] in, int offset, int converters, int readers) {
        Bits r = new Bits(in, offset);
        Pte[] ptes = new Pte[layout.pteCount()];
        for (int i = 0; i < ptes.length; i++) {
            int v = r.get(2);
            ptes[i] = new Pte((v & 2) != 0, Attribute.values()[v & 1]);
        }
        TlbEntry[] tlb = new TlbEntry[layout.tlbCount()];
        for (int i = 0; i < tlb.length; i++) tlb[i] = TlbEntry.values()[r.get(2)];
        CacheLines[] cache = new CacheLines[layout.pages()];
        HvPage[] hv = new HvPage[layout.pages()];
        Content[] contents = new Content[layout.pages()];
        for (int page = 0; page < layout.pages(); page++) {
            cache[page] = new CacheLines(Line.values()[r.get(2)], Line.values()[r.get(2)]);
            hv[page] = hvStates[r.get(2)];
            contents[page] = Content.values()[r.get(3)];
        }
        ConverterState[] conv = new ConverterState[converters];
        for (int i = 0; i < converters; i++) {
            int pc = r.get(PC_BITS);
            conv[i] = new ConverterState(pc, ConverterState.Status.values()[r.get(STATUS_BITS)], Cause.values()[r.get(CAUSE_BITS)]);
        }
        ReaderState[] rd = new ReaderState[readers];
        for (int i = 0; i < readers; i++) rd[i] = new ReaderState(r.get(1) == 1, Cause.values()[r.get(CAUSE_BITS)]);
        int events = r.get(Cause.values().length);
        int crash = r.get(CAUSE_BITS);
        return new PageState(layout, ptes, tlb, cache, hv, contents, conv, rd, events,
                crash == 0 ? null : Cause.values()[crash - 1]);
    }

    private int indexOf(HvPage h) {
        for (int i = 0; i < hvStates.length; i++) if (hvStates[i] == h) return i;
        throw new IllegalArgumentException(h + " is not a state of this platform");
    }

    /**
     * Packs fields into words in a register: field bit b at position pos + b, as {@link Bits#get} reads
     * them. Each word is stored once, when full (and the rest by {@link #finish}).
     */
    private static final class Packer {
        private final long[] out;
        private int index;
        private long word;
        private int used;

        Packer(long[] out, int offset) {
            this.out = out;
            this.index = offset;
        }

        /** Appends the low {@code width} bits of {@code value} (width at most 32). */
        void put(int value, int width) {
            long v = value & ((1L << width) - 1);
            word |= v << used;
            used += width;
            if (used >= 64) {
                out[index++] = word;
                used -= 64;
                word = used == 0 ? 0 : v >>> (width - used);
            }
        }

        /** Stores the last, partial word and zeroes the words after it, up to {@code end}. */
        void finish(int end) {
            while (index < end) {
                out[index++] = word;
                word = 0;
            }
        }
    }

    /** A cursor reading a run of bits in a long[]. */
    private static final class Bits {
        private final long[] words;
        private final int base;
        private int pos;

        Bits(long[] words, int base) {
            this.words = words;
            this.base = base;
        }

        int get(int width) {
            int word = base + (pos >>> 6);
            int bit = pos & 63;
            long v = words[word] >>> bit;
            if (bit + width > 64) v |= words[word + 1] << (64 - bit);
            pos += width;
            return (int) (v & ((1L << width) - 1));
        }
    }
}
