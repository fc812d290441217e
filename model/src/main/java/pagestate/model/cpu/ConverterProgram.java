package pagestate.model.cpu;

import java.util.ArrayList;
import java.util.List;

/**
 * A converter thread's program, flattened: the owner's write before the conversion, each phase's
 * primitives, and the owner's use of the pages after each phase. After the last operation the
 * converter is done. {@link #reuseIndex()} is the extra operation that runs only after a failed
 * conversion whose error path freed the pages: the allocator hands them to a new user who writes its
 * secret through the direct map.
 */
public final class ConverterProgram {

    /**
     * One operation of the program; {@code always}: a step that runs even after a failure ({@link
     * Phase#always()}); {@code via}: the mapping a step that takes an address acts through ({@link Phase#via()}).
     */
    public record Op(Kind kind, int phase, Primitive primitive, Content value, boolean always, Mapping via) {
        public enum Kind { STEP, OWNER_WRITE, OWNER_READ, REUSE_WRITE }

        public Op(Kind kind, int phase, Primitive primitive, Content value) {
            this(kind, phase, primitive, value, false, Mapping.DIRECT);
        }

        /** The operation without its phase or pages, for coverage: "flip", "owner write". */
        public String kindName() {
            return switch (kind) {
                case STEP -> primitive.specName();
                case OWNER_WRITE -> "owner write";
                case OWNER_READ -> "owner read";
                case REUSE_WRITE -> ActionKinds.REUSE;
            };
        }

        public String describe(Converter c) {
            return switch (kind) {
                case STEP -> (always ? "always " : "") + primitive.specName()
                        + (via == Mapping.DIRECT ? "" : " via " + via.label()) + " (to "
                        + c.phases().get(phase).target().specName() + ")";
                case OWNER_WRITE -> "owner writes " + value.lower() + " to page" + pagesText(c);
                case OWNER_READ -> "owner reads page" + pagesText(c) + " back as private data";
                case REUSE_WRITE -> "allocator reuses the freed page" + pagesText(c) + "; new user writes its secret";
            };
        }

        private static String pagesText(Converter c) {
            return (c.pages().size() > 1 ? "s " : " ") + c.pages().toString().replaceAll("[\\[\\] ]", "");
        }
    }

    /**
     * The most operations a program may have: its pc runs up to {@link #reuseIndex()} + 1 and is stored in
     * 8 bits ({@code PageStateCodec}).
     */
    public static final int MAX_SIZE = (1 << 8) - 2;

    private final Converter converter;
    private final List<Op> ops;

    public ConverterProgram(Converter converter) {
        this.converter = converter;
        List<Op> list = new ArrayList<>();
        if (converter.owner()) {
            // the owner used the page before handing it to set_memory_{en,de}crypted()
            Content before = converter.initialAttribute() == Attribute.PRIVATE ? Content.SECRET : Content.HOST_DATA;
            list.add(new Op(Op.Kind.OWNER_WRITE, -1, null, before));
        }
        for (int i = 0; i < converter.phases().size(); i++) {
            Phase phase = converter.phases().get(i);
            for (int k = 0; k < phase.steps().size(); k++) {
                list.add(new Op(Op.Kind.STEP, i, phase.steps().get(k), null, phase.isAlways(k), phase.via(k)));
            }
            if (converter.owner()) {
                if (phase.target() == Direction.TO_SHARED) {
                    // a shared page is an I/O buffer: the guest writes data meant for the host
                    list.add(new Op(Op.Kind.OWNER_WRITE, i, null, Content.HOST_DATA));
                } else {
                    // a private page is written with secret data and read back
                    list.add(new Op(Op.Kind.OWNER_WRITE, i, null, Content.SECRET));
                    list.add(new Op(Op.Kind.OWNER_READ, i, null, Content.SECRET));
                }
            }
        }
        this.ops = List.copyOf(list);
    }

    public Converter converter() { return converter; }
    public List<Op> ops() { return ops; }
    public int size() { return ops.size(); }

    /**
     * The pc of the first always step of {@code pc}'s phase after {@code pc}, or -1: where a converter
     * whose operation at {@code pc} failed goes on ({@link Phase#always()}).
     */
    public int nextAlways(int pc) {
        int phase = ops.get(pc).phase();
        for (int k = pc + 1; k < ops.size() && ops.get(k).phase() == phase; k++) {
            if (ops.get(k).always()) return k;
        }
        return -1;
    }

    /** The pc of the reuse-after-free write; the pc after it is {@code reuseIndex() + 1}. */
    public int reuseIndex() { return ops.size(); }

    /** The attribute the pages end with when every phase is done. */
    public Attribute finalAttribute() {
        return converter.phases().get(converter.phases().size() - 1).target().target();
    }

    /** The phase whose step is at {@code pc}, or the last phase begun before it. */
    public int phaseAt(int pc) {
        for (int i = Math.min(pc, ops.size() - 1); i >= 0; i--) if (ops.get(i).phase() >= 0) return ops.get(i).phase();
        return 0;
    }
}
