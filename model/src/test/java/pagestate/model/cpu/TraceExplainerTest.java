package pagestate.model.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pagestate.model.PropertyName;
import pagestate.model.TraceStory;

/** Counterexamples told with their cause: step 0, provenance, the rule, no-effect reasons, split fills. */
class TraceExplainerTest {

    /** A path taken by hand: each step is the enabled action whose text contains the given words. */
    private static final class Path {
        final PageModel model;
        final PageState initial;
        final List<PageAction> actions = new ArrayList<>();
        final List<PageState> states = new ArrayList<>();
        PageState now;

        Path(PageModel model) {
            this.model = model;
            this.initial = model.initialState();
            this.now = initial;
        }

        Path take(String words) {
            List<Moves.Move> ms = Moves.where(model, now, a -> a.description().contains(words));
            assertFalse(ms.isEmpty(), () -> "no move '" + words + "' in\n" + now);
            actions.add(ms.get(0).action());
            states.add(ms.get(0).next());
            now = ms.get(0).next();
            return this;
        }

        TraceStory story(PropertyName property) {
            return model.story(initial, actions, states, property, false);
        }
    }

    /** Issue 19's spec: TDX, private -> shared, the cache flushed first, no TLB flush, a zeropad on CPU1. */
    private static PageModel noTlbFlush() {
        return Build.on(Platform.TDX).owner(0, Direction.TO_SHARED, "flush_cache clear_present flip map_gpa set_present", 1)
                .reader(1, 0).hardware(HardwareAction.values()).model();
    }

    private static String text(List<String> lines) {
        return String.join("\n", lines);
    }

    @Test
    void theStaleTranslationIsTracedToTheInitialStateAndTheFlipAfterWhichNoFlushRan() {
        TraceStory story = new Path(noTlbFlush()).take("owner writes").take("flush_cache").take("clear_present")
                .take("flip").take("map_gpa").take("zeropad").story(PropertyName.NO_FATAL);
        assertEquals(List.of("page 1: private-accepted (TDX), holds secret, cache lines: private-key none, shared-key none",
                "PTE direct[p1]: present private", "TLB direct[p1]: CPU0 private, CPU1 private"), story.initial());
        assertEquals(6, story.steps().size());
        String why = text(story.steps().get(5).notes());
        assertTrue(why.contains("translation: CPU1 translated page 1 with its TLB entry direct[p1] (private, since the"
                + " initial state); PTE direct[p1] is shared since step 4 (flip) and no TLB flush ran after step 4"), why);
        assertTrue(why.contains("page state: page 1 is shared (TDX) since step 5 (map_gpa)"), why);
        assertTrue(why.contains("rule: TDX access table: private access to a shared page -> TD exit"), why);
        assertTrue(text(story.steps().get(4).notes())
                .contains("kernel: tdx_enc_status_changed() (tdx_map_gpa()) in arch/x86/coco/tdx/tdx.c"));
    }

    @Test
    void aTlbEntryFilledByTheHardwareNamesTheStepThatFilledIt() {
        PageModel model = Build.on(Platform.TDX).owner(0, Direction.TO_SHARED, "flush_tlb flip map_gpa", 1)
                .reader(1, 0).hardware(HardwareAction.values()).model();
        TraceStory story = new Path(model).take("owner writes").take("flush_tlb")
                .take("speculative TLB fill: CPU1 direct[p1]").take("flip").take("map_gpa").take("zeropad")
                .story(PropertyName.NO_FATAL);
        String why = text(story.steps().get(5).notes());
        assertTrue(why.contains("its TLB entry direct[p1] (private, filled at step 3 (speculative TLB fill)); PTE"
                + " direct[p1] is shared since step 4 (flip) and no TLB flush ran after step 4"), why);
    }

    @Test
    void aStepWithoutEffectSaysWhyAndAStaleDirtyLineNamesTheWriteAndTheFlushThatMissedIt() {
        PageModel model = Build.on(Platform.TDX).owner(0, Direction.TO_SHARED, "clear_present flush_cache flip map_gpa", 1)
                .hardware(HardwareAction.values()).model();
        TraceStory story = new Path(model).take("owner writes").take("clear_present").take("flush_cache").take("flip")
                .take("map_gpa").story(PropertyName.NO_STALE_DIRTY_LINE);
        assertEquals(List.of(), story.steps().get(2).changes());
        assertTrue(story.steps().get(2).notes().contains("flush_cache: no effect -- CLFLUSH needs a present mapping and"
                + " PTE direct[p1] is not present since step 2 (clear_present)"), text(story.steps().get(2).notes()));
        String why = text(story.steps().get(4).notes());
        assertTrue(why.contains("the dirty private-key line of page 1 was written at step 1 (owner write)"), why);
        assertTrue(why.contains("flush_cache at step 3 did not remove it: CLFLUSH needs a present mapping"), why);
    }

    @Test
    void aPageWalkFillInAConverterStepIsShownAsAHardwareStepBeforeIt() {
        PageModel model = Build.on(Platform.SNP).owner(0, Direction.TO_SHARED, "flush_tlb flush_cache rescind", 1)
                .hardware(HardwareAction.values()).model();
        Path path = new Path(model).take("owner writes").take("flush_tlb").take("flush_cache");
        // the model's own step: CLFLUSH walks the present PTE and caches the translation
        assertTrue(model.changes(path.states.get(1), path.states.get(2)).contains("TLB CPU0 direct[p1]: none -> private"));
        TraceStory story = path.story(PropertyName.NO_FATAL);
        assertEquals(4, story.steps().size());
        TraceStory.Step fill = story.steps().get(2);
        assertTrue(fill.split());
        assertEquals("hardware", fill.lane());
        assertEquals(2, fill.source());
        assertEquals("speculative TLB fill: CPU0 direct[p1] <- private", fill.action());
        assertEquals(List.of("TLB CPU0 direct[p1]: none -> private"), fill.changes());
        TraceStory.Step flush = story.steps().get(3);
        assertFalse(flush.split());
        assertEquals(List.of("cache p1 private-key line: dirty -> none"), flush.changes());
    }

    @Test
    void aliasesThatDisagreeNameWhereEachTranslationCameFrom() {
        PageModel model = Build.on(Platform.TDX).mappings(2).converter(0, Direction.TO_SHARED, "flip map_gpa", 1)
                .hardware(HardwareAction.values()).model();
        TraceStory story = new Path(model).take("flip").take("TLB eviction: CPU0 vmalloc[p1]")
                .story(PropertyName.ALIASES_AGREE);
        assertEquals(List.of("disagree: on CPU0 page 1 translates through its TLB entry direct[p1] (private, since the"
                + " initial state) but through a walk of PTE vmalloc[p1] (present shared since step 1 (flip))"),
                story.steps().get(1).notes());
    }

    @Test
    void aHypercallTheSpecLetsFailSaysSoAndWhatTheErrorPathDoes() {
        PageModel model = Build.on(Platform.TDX).converter(0, Direction.TO_SHARED, "map_gpa", 1)
                .mayFail(Primitive.MAP_GPA).onError(ErrorPath.FREE).model();
        TraceStory story = new Path(model).take("map_gpa (to shared) fails").story(PropertyName.FAILED_CONVERSION_NOT_FREED);
        assertTrue(story.steps().get(0).notes().contains("failure: the spec lets map_gpa fail; on_error free: "
                + ErrorPath.FREE.description()), text(story.steps().get(0).notes()));
    }

    @Test
    void fillsOfASaturatedStateAfterAConverterStepAreAHardwareStepAfterIt() {
        PageModel model = Build.on(Platform.TDX).converter(0, Direction.TO_SHARED, "clear_present flush_tlb set_present", 1)
                .hardware(HardwareAction.values()).model();
        Path path = new Path(model).take("clear_present").take("flush_tlb").take("set_present");
        PageState saturated = model.merged(path.now);   // as the search stores it: every entry filled
        assertTrue(model.changes(path.states.get(1), saturated).contains("TLB CPU1 direct[p1]: none -> private"));
        path.states.set(2, saturated);
        TraceStory story = path.story(PropertyName.NO_FATAL);
        assertEquals(4, story.steps().size());
        assertEquals(List.of("PTE direct[p1]: present 0->1", "conv0: done"), story.steps().get(2).changes());
        TraceStory.Step fill = story.steps().get(3);
        assertTrue(fill.split());
        assertEquals("hardware", fill.lane());
        assertEquals("speculative TLB fill: CPU0 direct[p1] <- private, CPU1 direct[p1] <- private", fill.action());
    }

    @Test
    void everyPrimitiveNamesItsKernelCodeOnEveryPlatformItExistsOn() {
        for (Platform platform : Platform.values()) {
            for (Primitive p : Primitive.values()) {
                if (!p.availableOn(platform)) continue;
                String code = KernelCode.of(platform, p);
                assertTrue(code.matches("\\w+\\(\\).* in (arch|mm)/.*") || code.startsWith("no single kernel function"),
                        p + ": " + code);
            }
        }
    }
}
