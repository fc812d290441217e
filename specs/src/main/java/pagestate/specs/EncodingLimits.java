package pagestate.specs;

import java.util.ArrayList;
import java.util.List;
import pagestate.model.Fields;
import pagestate.model.cpu.Converter;
import pagestate.model.cpu.ConverterProgram;

/**
 * The sizes the state encodings and the checker can hold, checked on the spec before a model is built, so
 * that a spec too large for them is a one-line error at the place that overflows, naming the limit.
 */
final class EncodingLimits {
    /**
     * Successors of one state the checker can number: it records a state's action as a 16-bit index
     * (checker Expander and TraceStore).
     */
    static final int MAX_SUCCESSORS = 1 << 16;

    private final Problems problems;

    EncodingLimits(Problems problems) {
        this.problems = problems;
    }

    /** A converter's program (its steps and its owner's writes and reads) must fit its 8-bit pc. */
    void converter(Draft.ConverterDecl decl, Converter converter) {
        int size = new ConverterProgram(converter).size();
        if (size <= ConverterProgram.MAX_SIZE) return;
        List<Draft.Step> steps = new ArrayList<>();
        for (Draft.PhaseDecl ph : decl.phases()) steps.addAll(ph.steps());
        int owner = size - steps.size();
        int most = ConverterProgram.MAX_SIZE - owner;
        Pos at = most >= 0 && most < steps.size() ? steps.get(most).pos() : decl.pos();
        problems.at(at, "converter " + decl.name() + " has " + steps.size() + " steps; a converter program has at most "
                + most + " steps" + (owner > 0 ? " here (" + ConverterProgram.MAX_SIZE + " with its owner's " + owner
                + " accesses)" : ""));
    }

    /** A seed system's program: its pc is one field of the state (0..{@value Fields#MAX_VALUE}). */
    void program(Draft.ProgramDecl g) {
        if (g.steps().size() <= Fields.MAX_VALUE) return;
        problems.at(g.steps().get(Fields.MAX_VALUE).pos(), g.keyword() + " " + g.name() + " has " + g.steps().size()
                + " steps; a " + g.keyword() + " program has at most " + Fields.MAX_VALUE + " steps");
    }

    /**
     * The successors one state of a CPU spec can have, at most: two per converter (a step, or its failure),
     * one per reader, two per host (a read and a write), and the hardware's (a TLB fill or eviction per
     * CPU, mapping and page; a cache-line fill or write-back per page and key). Reported at the first
     * reader or host past the limit.
     */
    void successors(Draft d, int cpus, int pages, int mappings) {
        long count = 2L * d.converters.size() + (long) cpus * mappings * pages + 2L * pages;
        List<Pos> actors = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (Draft.ReaderDecl r : d.readers.values()) {
            actors.add(r.pos());
            weights.add(1);
        }
        for (Draft.HostDecl h : d.hosts.values()) {
            actors.add(h.pos());
            weights.add(2);
        }
        long total = count;
        for (int w : weights) total += w;
        if (total <= MAX_SUCCESSORS) return;
        Pos at = actors.get(actors.size() - 1);
        for (int i = 0; i < actors.size(); i++) {
            count += weights.get(i);
            if (count > MAX_SUCCESSORS) {
                at = actors.get(i);
                break;
            }
        }
        problems.at(at, "too many readers and hosts: a state could have " + total + " successors (one per reader,"
                + " two per host and converter, and the hardware's); the checker numbers at most " + MAX_SUCCESSORS);
    }
}
