package pagestate.cli;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import pagestate.checker.TransitionSystem;
import pagestate.model.PaddedFields;
import pagestate.model.SystemModel;

/**
 * Coverage of the encoded successors: per actor and kind of action (the index of the model's
 * {@link SystemModel#encodedKinds}) and per step of the first converter's program, counted on every
 * transition. Each thread counts in plain arrays of its own, which are summed once the check is over
 * (a shared counter per transition cost 4 to 5% of the unreduced search and contended between workers).
 * A thread's counts also serve as the sink that counts: one per thread, re-aimed per state.
 */
final class EncodedCoverage {

    private final int actors;
    private final int kinds;
    private final int steps;
    /** Every thread's counts, summed when read. */
    private final Queue<Counts> all = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Counts> mine = ThreadLocal.withInitial(this::register);

    EncodedCoverage(int actors, int kinds, int steps) {
        this.actors = actors;
        this.kinds = kinds;
        this.steps = steps;
    }

    private Counts register() {
        Counts c = new Counts(actors, kinds, steps);
        all.add(c);
        return c;
    }

    /**
     * This thread's counts: the sink that counts (see {@link Counts#aim}). One per thread, re-aimed per
     * state; a nested call on the same thread re-aims it and puts the outer aim back.
     */
    Counts counts() {
        return mine.get();
    }

    /** How often actor {@code actor} did kind {@code kind} so far. */
    long fired(int actor, int kind) {
        long n = 0;
        for (Counts c : all) n += c.fired[PAD + actor * kinds + kind];
        return n;
    }

    /** How often the first converter's program step {@code pc} fired so far. */
    long step(int pc) {
        long n = 0;
        for (Counts c : all) n += c.steps[PAD + pc];
        return n;
    }

    /** Unused counts at either end of a thread's arrays: they are written for every transition. */
    private static final int PAD = PaddedFields.PAD_ELEMENTS;

    /** {@link Counts}'s fields, written for every state and transition: padded before and after. */
    abstract static class CountsFields extends PaddedFields {
        final int actors;
        final int kinds;
        /** Per actor and kind, from {@link #PAD} on (as {@link #steps}), so that no other object shares their lines. */
        final long[] fired;
        final long[] steps;
        TransitionSystem.EncodedSink sink;
        int pc;

        CountsFields(int actors, int kinds, int steps) {
            this.actors = actors;
            this.kinds = kinds;
            this.fired = new long[PAD + actors * kinds + PAD];
            this.steps = new long[PAD + steps + PAD];
        }
    }

    /**
     * One thread's counts. Static: a thread's value must not keep its {@link ThreadLocal} (the coverage
     * and its model) alive once the check is dropped.
     */
    static final class Counts extends CountsFields implements SystemModel.EncodedSink {
        @SuppressWarnings("unused")   // after the fields: PaddedFields
        private long p0, p1, p2, p3, p4, p5, p6, p7;

        Counts(int actors, int kinds, int steps) {
            super(actors, kinds, steps);
        }

        /** The sink the counted successors go to, or null between states. */
        TransitionSystem.EncodedSink sink() {
            return sink;
        }

        /** The first converter's pc in the state being expanded, or -1. */
        int pc() {
            return pc;
        }

        /** Counts the successors of a state (its first converter at {@code pc}, or -1) and hands them to {@code sink}. */
        void aim(TransitionSystem.EncodedSink sink, int pc) {
            this.sink = sink;
            this.pc = pc;
        }

        @Override public long[] buffer() { return sink.buffer(); }
        @Override public void accept() { sink.accept(); }
        @Override public void accept(int unit) { sink.accept(unit); }

        @Override
        public void accept(int unit, int actor) {
            throw new IllegalStateException("an encoded successor without its kind of action");
        }

        @Override
        public void accept(int unit, int actor, int kind) {
            if (actor >= 0 && actor < actors) fired[PAD + actor * kinds + kind]++;
            if (actor == 0 && pc >= 0 && pc < steps.length - 2 * PAD) steps[PAD + pc]++;
            sink.accept(unit, actor);
        }
    }
}
