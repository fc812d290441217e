package pagestate.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import pagestate.model.cpu.Platform;
import pagestate.model.cpu.Primitive;

/**
 * One edit of one phase's step list, as {@code ablate} and {@code repair} try them: drop step
 * {@code first}; swap steps {@code first} and {@code first + 1}; merge clear_present {@code first} and
 * the flip {@code second} into clear_present_and_flip; move step {@code first} to index {@code second}
 * of the result; insert {@code inserted} at index {@code second}. Indices are into the list the edit
 * applies to.
 */
record StepEdit(Kind kind, int converter, int phase, int first, int second, Primitive inserted) {

    enum Kind { DROP, SWAP, MERGE, MOVE, INSERT }

    private static final Set<Primitive> FLUSHES = Set.of(Primitive.FLUSH_TLB, Primitive.FLUSH_CACHE, Primitive.WBINVD);

    /**
     * What {@code repair} may insert on {@code platform}: every primitive the platform has except the
     * attribute change itself (flip, clear_present_and_flip), which is the phase's own step: repair
     * moves and merges it but never adds a second one.
     */
    static Set<Primitive> vocabulary(Platform platform) {
        Set<Primitive> out = EnumSet.noneOf(Primitive.class);
        for (Primitive p : Primitive.values()) {
            if (p.availableOn(platform) && p != Primitive.FLIP && p != Primitive.CLEAR_PRESENT_AND_FLIP) out.add(p);
        }
        return out;
    }

    /**
     * Every edit of {@code steps} whose result differs from {@code steps} and from the results before it,
     * in a fixed order: drops, swaps of adjacent steps, merges, moves of each flush, then (when
     * {@code inserts} is not empty) each primitive of {@code inserts} at every position.
     */
    static List<StepEdit> of(int c, int ph, List<Primitive> steps, Set<Primitive> inserts) {
        List<StepEdit> all = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) all.add(new StepEdit(Kind.DROP, c, ph, i, -1, null));
        for (int i = 0; i + 1 < steps.size(); i++) all.add(new StepEdit(Kind.SWAP, c, ph, i, i + 1, null));
        // clear_present followed by flip (adjacent, or with other steps between them, as in Edgecombe's
        // question on seed 004) becomes one clear_present_and_flip where clear_present was
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) != Primitive.CLEAR_PRESENT) continue;
            int j = i + 1;
            while (j < steps.size() && steps.get(j) != Primitive.FLIP && steps.get(j) != Primitive.SET_PRESENT) j++;
            if (j < steps.size() && steps.get(j) == Primitive.FLIP) all.add(new StepEdit(Kind.MERGE, c, ph, i, j, null));
        }
        for (int i = 0; i < steps.size(); i++) {
            if (!FLUSHES.contains(steps.get(i))) continue;
            for (int j = 0; j < steps.size(); j++) if (j != i) all.add(new StepEdit(Kind.MOVE, c, ph, i, j, null));
        }
        for (Primitive p : inserts) {
            for (int j = 0; j <= steps.size(); j++) all.add(new StepEdit(Kind.INSERT, c, ph, -1, j, p));
        }
        Set<List<Primitive>> seen = new LinkedHashSet<>();
        seen.add(List.copyOf(steps));
        List<StepEdit> out = new ArrayList<>();
        for (StepEdit e : all) {
            List<Primitive> r = e.apply(steps);
            if (!r.isEmpty() && seen.add(r)) out.add(e);
        }
        return out;
    }

    /** The list this edit makes of {@code steps}. */
    List<Primitive> apply(List<Primitive> steps) {
        List<Primitive> v = new ArrayList<>(steps);
        switch (kind) {
            case DROP -> v.remove(first);
            case SWAP -> {
                v.set(first, steps.get(second));
                v.set(second, steps.get(first));
            }
            case MERGE -> {
                v.set(first, Primitive.CLEAR_PRESENT_AND_FLIP);
                v.remove(second);
            }
            case MOVE -> v.add(second, v.remove(first));
            case INSERT -> v.add(second, inserted);
            default -> throw new IllegalStateException(kind.name());
        }
        return List.copyOf(v);
    }

    /**
     * The always steps (indices) of the list this edit makes of {@code steps}, whose always steps are
     * {@code always}: a step keeps its flag wherever it goes; an inserted step and the merged
     * clear_present_and_flip are ordinary steps (as {@code insert} and {@code replace} make them).
     */
    Set<Integer> always(List<Primitive> steps, Set<Integer> always) {
        List<Integer> origin = origin(steps);
        Set<Integer> out = new java.util.TreeSet<>();
        for (int i = 0; i < origin.size(); i++) if (origin.get(i) >= 0 && always.contains(origin.get(i))) out.add(i);
        return out;
    }

    /**
     * The mappings of the steps that take an address ({@code Phase.via}) in the list this edit makes of
     * {@code steps}: a step keeps its mapping wherever it goes; an inserted step uses the direct map.
     */
    java.util.Map<Integer, pagestate.model.cpu.Mapping> via(List<Primitive> steps,
            java.util.Map<Integer, pagestate.model.cpu.Mapping> via) {
        List<Integer> origin = origin(steps);
        java.util.Map<Integer, pagestate.model.cpu.Mapping> out = new java.util.TreeMap<>();
        for (int i = 0; i < origin.size(); i++) if (origin.get(i) >= 0 && via.containsKey(origin.get(i))) out.put(i, via.get(origin.get(i)));
        return out;
    }

    /** For each step of the list this edit makes of {@code steps}, its index in {@code steps}, or -1 for a new one. */
    private List<Integer> origin(List<Primitive> steps) {
        List<Integer> origin = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) origin.add(i);
        switch (kind) {
            case DROP -> origin.remove(first);
            case SWAP -> {
                origin.set(first, second);
                origin.set(second, first);
            }
            case MERGE -> {
                origin.set(first, -1);
                origin.remove(second);
            }
            case MOVE -> origin.add(second, origin.remove(first));
            case INSERT -> origin.add(second, -1);
            default -> throw new IllegalStateException(kind.name());
        }
        return origin;
    }

    /**
     * Whether every always step of {@code steps} has a hypercall before it in the phase: the spec language
     * rejects one that has none (nothing could skip it), so a list that breaks this cannot be written.
     */
    static boolean alwaysAfterHypercall(List<Primitive> steps, Set<Integer> always) {
        for (int i : always) {
            if (steps.subList(0, i).stream().noneMatch(Primitive::isHypercall)) return false;
        }
        return true;
    }

    /** How many steps the edit adds (negative: removes). */
    int added() {
        return switch (kind) {
            case INSERT -> 1;
            case DROP, MERGE -> -1;
            default -> 0;
        };
    }

    /** The edit in words, e.g. "insert flush_tlb after flip (before map_gpa)", for the list it applies to. */
    String describe(List<Primitive> steps) {
        return switch (kind) {
            case DROP -> "drop " + label(steps, first);
            case SWAP -> "swap " + label(steps, first) + " and " + label(steps, second);
            case MERGE -> "merge " + label(steps, first) + " and " + label(steps, second) + " into clear_present_and_flip";
            case MOVE -> "move " + label(steps, first) + " " + position(apply(steps), second);
            case INSERT -> "insert " + inserted.specName() + " "
                    + position(apply(steps), second).replace("to the start", "at the start");
        };
    }

    /**
     * The edit as operations of a spec's {@code edit} block (see specs/README.md, Variants), which apply
     * it to {@code steps} when read in order.
     */
    List<String> operations(List<Primitive> steps) {
        return switch (kind) {
            case DROP -> List.of("drop " + label(steps, first));
            case SWAP -> List.of("move " + label(steps, second) + " before " + label(steps, first));
            // the flip goes first, so that clear_present keeps its occurrence number
            case MERGE -> List.of("drop " + label(steps, second),
                    "replace " + label(steps, first) + " with clear_present_and_flip");
            case MOVE -> {
                // the step that ends up just before the moved one, numbered in the list before the move
                int before = second == 0 ? -1 : second - 1 < first ? second - 1 : second;
                yield List.of("move " + label(steps, first) + (before < 0 ? " at start" : " after " + label(steps, before)));
            }
            case INSERT -> List.of("insert " + inserted.specName()
                    + (second == 0 ? " at start" : " after " + label(steps, second - 1)));
        };
    }

    /** A step's name, with #k when its primitive occurs more than once in the list. */
    static String label(List<Primitive> steps, int i) {
        Primitive p = steps.get(i);
        if (steps.stream().filter(s -> s == p).count() < 2) return p.specName();
        int k = 0;
        for (int j = 0; j <= i; j++) if (steps.get(j) == p) k++;
        return p.specName() + "#" + k;
    }

    private static String position(List<Primitive> v, int j) {
        if (j == 0) return "to the start (before " + v.get(1).specName() + ")";
        return "after " + v.get(j - 1).specName() + (j + 1 < v.size() ? " (before " + v.get(j + 1).specName() + ")" : " (at the end)");
    }
}
