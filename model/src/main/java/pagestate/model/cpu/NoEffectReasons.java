package pagestate.model.cpu;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a converter's primitive changed nothing, in the state it ran on: "CLFLUSH needs a present
 * mapping and PTE direct[p1] is not present (since step 3 (clear_present))".
 */
final class NoEffectReasons {

    private final Provenance prov;

    NoEffectReasons(Provenance prov) {
        this.prov = prov;
    }

    /** The reason shown step {@code k}, primitive {@code p} of converter {@code c}, had no effect. */
    String why(int k, Converter c, Primitive p, Mapping via) {
        PageState s = prov.state(k - 1);
        Layout l = s.layout();
        List<String> reasons = new ArrayList<>();
        switch (p) {
            case FLUSH_CACHE -> {
                for (int page : c.pages()) reasons.add(flushCache(k - 1, c.cpu(), via, page));
            }
            case FLUSH_TLB -> reasons.add("no CPU caches a translation of page" + pages(c)
                    + " through a mapping with a PTE");
            case UNMAP_ALIASES -> reasons.add(l.mappings() <= Mapping.LAZY.ordinal()
                    ? "there is no lazily freed alias (mappings " + l.mappings() + ")"
                    : "no CPU caches an entry of the lazy alias");
            case WBINVD -> reasons.add("no cache line is held");
            case CLEAR_PRESENT, SET_PRESENT, FLIP, CLEAR_PRESENT_AND_FLIP -> {
                for (int page : c.pages()) reasons.add("nothing to change: " + prov.pte(k - 1, Mapping.DIRECT, page));
            }
            case MAP_GPA, PSC, HV_VISIBILITY -> {
                for (int page : c.pages()) reasons.add("nothing to change: " + prov.platformPage(k - 1, page));
            }
            default -> reasons.add("the state already is what " + p.specName() + " makes it");
        }
        return p.specName() + ": no effect -- " + String.join("; ", reasons);
    }

    /** Why CLFLUSH of one page removed nothing (ConverterSteps.flushCache: cpa_flush() skips a not-present PTE). */
    String flushCache(int k, int cpu, Mapping via, int page) {
        PageState s = prov.state(k);
        Pte pte = s.pte(via, page);
        if (pte == null) {
            return "cpa_flush() flushes only present addresses and the lazy alias has no PTE (vunmap cleared it)";
        }
        if (!pte.present()) {
            return "CLFLUSH needs a present mapping and " + prov.pte(k, via, page);
        }
        Attribute key = s.effectiveAttribute(cpu, via, page);
        return "CPU" + cpu + " translates page " + page + " as " + key.lower() + " and no " + key.lower()
                + "-key line of it is cached";
    }

    private static String pages(Converter c) {
        return (c.pages().size() > 1 ? "s " : " ") + c.pages().toString().replaceAll("[\\[\\] ]", "");
    }
}
