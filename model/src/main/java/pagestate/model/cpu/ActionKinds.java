package pagestate.model.cpu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kinds of action of one scenario ({@link PageAction#kind()}: the action without its arguments, for
 * coverage), numbered once per spec, so that the packed successors report a successor's kind as a small
 * index ({@link pagestate.model.SystemModel#encodedKinds}) with no string per successor. The names are the
 * ones the object successors give their actions: both take them from here.
 */
final class ActionKinds {

    static final String REUSE = "allocator reuse";
    static final String ZEROPAD = "load_unaligned_zeropad()";
    static final String HOST_READ = "host read";
    static final String HOST_WRITE = "host write";
    static final String TLB_FILL = "TLB fill";
    static final String TLB_EVICTION = "TLB eviction";
    static final String CACHE_FILL = "cache fill";
    static final String WRITE_BACK = "write-back";
    static final String LINE_EVICTION = "line eviction";
    private static final String FAILS = " fails";
    private static final String AFTER_FAILURE = " after a failure";

    private final Map<String, Integer> index = new LinkedHashMap<>();
    /** By converter and pc: the operation's kind, its failure's and its step's after a failure. */
    private final int[][] step;
    private final int[][] fails;
    private final int[][] after;
    final int reuse;
    final int zeropad;
    final int hostRead;
    final int hostWrite;
    final int tlbFill;
    final int tlbEviction;
    final int cacheFill;
    final int writeBack;
    final int lineEviction;
    private final List<String> names;

    ActionKinds(List<ConverterProgram> programs) {
        step = new int[programs.size()][];
        fails = new int[programs.size()][];
        after = new int[programs.size()][];
        for (int i = 0; i < programs.size(); i++) {
            List<ConverterProgram.Op> ops = programs.get(i).ops();
            step[i] = new int[ops.size()];
            fails[i] = new int[ops.size()];
            after[i] = new int[ops.size()];
            for (int pc = 0; pc < ops.size(); pc++) {
                step[i][pc] = of(ops.get(pc).kindName());
                fails[i][pc] = of(failed(ops.get(pc)));
                after[i][pc] = of(afterFailure(ops.get(pc)));
            }
        }
        reuse = of(REUSE);
        zeropad = of(ZEROPAD);
        hostRead = of(HOST_READ);
        hostWrite = of(HOST_WRITE);
        tlbFill = of(TLB_FILL);
        tlbEviction = of(TLB_EVICTION);
        cacheFill = of(CACHE_FILL);
        writeBack = of(WRITE_BACK);
        lineEviction = of(LINE_EVICTION);
        names = List.copyOf(index.keySet());
    }

    /** The kind of a failed operation ({@link FailurePath#fail}). */
    static String failed(ConverterProgram.Op op) {
        return op.kindName() + FAILS;
    }

    /** The kind of an always step run after a failure ({@link FailurePath#cleanUp}). */
    static String afterFailure(ConverterProgram.Op op) {
        return op.kindName() + AFTER_FAILURE;
    }

    private int of(String name) {
        return index.computeIfAbsent(name, n -> index.size());
    }

    int step(int converter, int pc) { return step[converter][pc]; }
    int fails(int converter, int pc) { return fails[converter][pc]; }
    int after(int converter, int pc) { return after[converter][pc]; }

    /** Every kind, by index. */
    List<String> names() {
        return names;
    }
}
