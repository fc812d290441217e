package pagestate.model.cpu;

import pagestate.model.SeedSystem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.longRange;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Properties of the transition system over random scenarios and random paths (QuickTheories): the encoding
 * round-trips and is injective, successors are deterministic, a crashed guest has no successor, every
 * reachable dead end is terminal, and the invariants are total.
 */
class ModelPropertiesTest {

    private static final Gen<Scenario> SCENARIOS = RandomScenarios.scenarios(3, 3, 3, 6);
    private static final Gen<Long> SEEDS = longRange(0, Long.MAX_VALUE);

    /** The key of an encoding, for hashing. */
    private static List<Long> key(long[] words) {
        return Arrays.stream(words).boxed().toList();
    }

    private static long[] encode(PageModel m, PageState s) {
        long[] w = new long[m.words()];
        m.encode(s, w, 0);
        return w;
    }

    @Test
    void decodingTheEncodingOfAReachableStateGivesItBack() {
        qt().withExamples(150).forAll(SCENARIOS, SEEDS).checkAssert((sc, seed) -> {
            PageModel m = new PageModel(sc);
            int words = m.words();
            Map<List<Long>, PageState> byEncoding = new HashMap<>();
            Map<PageState, List<Long>> byState = new HashMap<>();
            RandomScenarios.walk(m, seed, 60, (s, moves) -> {
                for (PageState t : concat(s, moves)) {
                    long[] w = encode(m, t);
                    assertEquals(t, m.decode(w, 0), () -> "round trip of\n" + t);
                    // at an offset inside a larger buffer, without touching the neighbours
                    long[] buf = new long[words + 2];
                    Arrays.fill(buf, -1L);
                    m.encode(t, buf, 1);
                    assertEquals(-1L, buf[0]);
                    assertEquals(-1L, buf[words + 1]);
                    assertArrayEquals(w, Arrays.copyOfRange(buf, 1, words + 1));
                    assertEquals(t, m.decode(buf, 1));
                    // equal encodings <=> equal states
                    List<Long> k = key(w);
                    PageState other = byEncoding.putIfAbsent(k, t);
                    if (other != null) assertEquals(other, t, "two states share an encoding");
                    List<Long> otherKey = byState.putIfAbsent(t, k);
                    if (otherKey != null) assertEquals(otherKey, k, "one state has two encodings");
                }
            });
            assertEquals(byEncoding.size(), byState.size());
        });
    }

    private static List<PageState> concat(PageState s, List<Moves.Move> moves) {
        List<PageState> all = new java.util.ArrayList<>();
        all.add(s);
        for (Moves.Move mv : moves) all.add(mv.next());
        return all;
    }

    /** What a move is, compared by value (PageAction need not define equality). */
    private record MoveValue(int actor, String actorName, String lane, String description, Cause outcome, PageState next) {
        static MoveValue of(Moves.Move m) {
            PageAction a = m.action();
            return new MoveValue(a.actor(), a.actorName(), a.lane(), a.description(), a.outcome(), m.next());
        }
    }

    @Test
    void successorsAreDeterministic() {
        qt().withExamples(150).forAll(SCENARIOS, SEEDS).checkAssert((sc, seed) -> {
            PageModel m = new PageModel(sc);
            PageModel again = new PageModel(sc);
            RandomScenarios.walk(m, seed, 60, (s, moves) -> {
                List<MoveValue> first = moves.stream().map(MoveValue::of).toList();
                List<MoveValue> second = Moves.of(m, s).stream().map(MoveValue::of).toList();
                assertEquals(first, second, "same state, same moves");
                // an equal state (decoded copy) in a model built again from the same scenario
                PageState copy = again.decode(encode(m, s), 0);
                assertEquals(first, Moves.of(again, copy).stream().map(MoveValue::of).toList());
                for (MoveValue v : first) {
                    assertTrue(v.actor() >= 0 && v.actor() < m.actorNames().size());
                    assertEquals(m.actorNames().get(v.actor()), v.actorName());
                }
            });
        });
    }

    @Test
    void aCrashedGuestHasNoSuccessor() {
        qt().withExamples(150).forAll(SCENARIOS, SEEDS).checkAssert((sc, seed) -> {
            PageModel m = new PageModel(sc);
            RandomScenarios.walk(m, seed, 60, (s, moves) -> {
                assertEquals(s.crashed(), s.crash() != null);
                if (s.crashed()) {
                    assertEquals(List.of(), moves);
                    assertTrue(m.isTerminal(s));
                }
                for (Moves.Move mv : moves) {
                    PageState n = mv.next();
                    if (mv.outcome().isFatal()) assertTrue(n.crashed(), () -> mv.action() + " is fatal but the guest runs");
                    if (n.crashed()) {
                        assertTrue(Moves.of(m, n).isEmpty(), "successor of a crashed state");
                        assertTrue(n.happened(n.crash()), "the crash is among the sticky events");
                    }
                    // sticky events are never forgotten
                    assertEquals(s.events(), s.events() & n.events());
                }
                // the same state killed by any fatal cause has no successor either
                for (Cause c : Cause.values()) {
                    if (c.isFatal() && !s.crashed()) assertEquals(0, Moves.of(m, s.edit().happen(c).done()).size());
                }
            });
        });
    }

    @Test
    void everyReachableDeadEndIsTerminal() {
        // bounded breadth-first exploration of smaller random scenarios
        Gen<Scenario> small = RandomScenarios.scenarios(2, 3, 2, 4);
        qt().withExamples(40).forAll(small).checkAssert(sc -> {
            PageModel m = new PageModel(sc);
            Set<PageState> seen = new HashSet<>();
            ArrayDeque<PageState> queue = new ArrayDeque<>();
            queue.add(m.initialState());
            seen.add(m.initialState());
            int deadEnds = 0;
            while (!queue.isEmpty() && seen.size() < 20_000) {
                PageState s = queue.poll();
                List<Moves.Move> moves = Moves.of(m, s);
                if (moves.isEmpty()) {
                    deadEnds++;
                    assertTrue(m.isTerminal(s), () -> "deadlock:\n" + s);
                }
                for (Moves.Move mv : moves) if (seen.add(mv.next())) queue.add(mv.next());
            }
            if (sc.hardware().isEmpty() && sc.hosts().isEmpty() && seen.size() < 20_000) {
                assertTrue(deadEnds > 0, "without hardware or host every path ends");
            }
        });
    }

    @Test
    void walksEndOnlyInTerminalStates() {
        qt().withExamples(150).forAll(SCENARIOS, SEEDS).checkAssert((sc, seed) -> {
            PageModel m = new PageModel(sc);
            RandomScenarios.walk(m, seed, 200, (s, moves) -> {
                if (moves.isEmpty()) assertTrue(m.isTerminal(s), () -> "deadlock:\n" + s);
            });
        });
    }

    @Test
    void invariantsAndTheirExplanationsNeverThrow() {
        qt().withExamples(150).forAll(SCENARIOS, SEEDS).checkAssert((sc, seed) -> {
            PageModel m = new PageModel(sc);
            assertEquals(SeedSystem.CPU.properties().size(), m.properties().size());
            RandomScenarios.walk(m, seed, 60, (s, moves) -> {
                for (PageState t : concat(s, moves)) {
                    for (ModelProperty p : m.properties()) {
                        if (!p.holds().test(t)) {
                            String why = p.cause().apply(t);
                            assertNotNull(why, p.name().specName());
                            assertFalse(why.isBlank(), p.name().specName());
                        }
                    }
                    assertFalse(StateText.describe(t).isBlank());
                }
                for (Moves.Move mv : moves) {
                    List<String> changes = StateText.changes(m, s, mv.next());
                    assertNotNull(changes);
                    assertNotEquals("", mv.action().toString());
                }
            });
        });
    }
}
