package pagestate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pagestate.reports.Actual;
import pagestate.reports.PropertyReport;
import pagestate.reports.SpecReport;
import pagestate.specs.Spec;

/**
 * What a repaired spec must reach: every property the spec checks holds, or (with {@code --expected})
 * every expectation of the spec is met. {@code wanted} maps each judged property to whether it must hold.
 */
record RepairGoal(boolean expected, Map<String, Boolean> wanted) {

    RepairGoal {
        wanted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(wanted));
    }

    static RepairGoal of(Spec spec, boolean expected) {
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        if (expected) {
            for (Spec.Expectation e : spec.expectations()) wanted.put(e.property(), e.holds());
        } else {
            for (String p : spec.properties()) wanted.put(p, true);
        }
        return new RepairGoal(expected, wanted);
    }

    /** The properties that must hold: an exploration may stop at the first state that violates one. */
    Set<String> mustHold() {
        Set<String> out = new LinkedHashSet<>();
        for (var e : wanted.entrySet()) if (e.getValue()) out.add(e.getKey());
        return out;
    }

    /** One line: what the goal is. */
    String describe() {
        if (!expected) return "every checked property holds (" + wanted.size() + ")";
        List<String> parts = new ArrayList<>();
        for (var e : wanted.entrySet()) parts.add(e.getKey() + (e.getValue() ? " holds" : " violated"));
        return "every expectation met: " + String.join(", ", parts);
    }

    /** The judged properties whose verdict in {@code report} misses the goal ("no_fatal violated"). */
    List<String> unmet(SpecReport report) {
        List<String> out = new ArrayList<>();
        for (var e : wanted.entrySet()) {
            Actual want = e.getValue() ? Actual.HOLDS : Actual.VIOLATED;
            Actual got = report.properties().stream().filter(p -> p.name().equals(e.getKey())).map(PropertyReport::actual)
                    .findFirst().orElse(Actual.UNKNOWN);
            if (got != want) out.add(e.getKey() + " " + got.word());
        }
        return out;
    }

    boolean met(SpecReport report) {
        return unmet(report).isEmpty();
    }
}
