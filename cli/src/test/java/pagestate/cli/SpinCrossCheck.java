package pagestate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pagestate.export.PromelaExport;
import pagestate.export.PromelaTrail;
import pagestate.model.PropertyName;
import pagestate.model.cpu.ModelProperty;
import pagestate.specs.Spec;
import pagestate.specs.SpecLoader;

/**
 * Checks one cpu spec with SPIN and with pagestate's unreduced search, and compares: distinct states
 * (SPIN + 1 for its initialisation), transitions (SPIN + 2), and the verdict of every safety property;
 * a violation's SPIN trail must replay as a pagestate path to a state that violates the same property.
 * The Promela text can be mutated first, to show that a broken export is caught.
 */
final class SpinCrossCheck {

    /** What both tools found, and every disagreement. */
    record Result(long pagestateStates, long pagestateTransitions, long spinStates, long spinTransitions,
                  Map<String, String> verdicts, Map<String, String> causes, List<String> disagreements) {
        boolean agree() { return disagreements.isEmpty(); }
    }

    private final Path work;

    SpinCrossCheck(Path work) {
        this.work = work;
    }

    /** Whether spin and a C compiler are on the PATH. */
    static boolean available() {
        return onPath("spin") && onPath("cc");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }

    Result check(Path specFile, boolean verdicts, UnaryOperator<String> mutation) throws IOException, InterruptedException {
        Spec spec = ((pagestate.specs.SpecResult.Loaded) SpecLoader.load(specFile)).spec();
        List<PropertyName> checked = spec.properties().stream().map(p -> PropertyName.bySpecName(p).orElseThrow()).toList();
        PromelaExport export = new PromelaExport(spec.scenario(), spec.name(), checked);
        Path dir = Files.createTempDirectory(work, spec.name());
        Files.writeString(dir.resolve("model.pml"), mutation.apply(export.promela()));
        JsonNode ps = pagestate(specFile, dir);
        long states = ps.at("/stats/distinct_states").asLong();
        long transitions = ps.at("/stats/transitions").asLong();
        List<String> disagreements = new ArrayList<>();
        Map<String, String> verdictMap = new LinkedHashMap<>();
        Map<String, String> causes = new LinkedHashMap<>();
        long[] counts = null;
        PromelaTrail trail = new PromelaTrail(spec.scenario());
        List<PropertyName> compared = verdicts ? export.properties() : List.of();
        // one verifier per property, each in a folder of its own, as many at once as there are processors
        List<java.util.concurrent.Callable<String>> runs = new ArrayList<>();
        for (PropertyName p : compared) {
            Path sub = Files.createDirectories(dir.resolve(p.specName()));
            Files.copy(dir.resolve("model.pml"), sub.resolve("model.pml"));
            runs.add(() -> pan(sub, "-DCHECK_" + p.specName(), false));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()));
        List<String> outs = new ArrayList<>();
        try {
            for (java.util.concurrent.Future<String> f : pool.invokeAll(runs)) outs.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        for (int n = 0; n < compared.size(); n++) {
            PropertyName p = compared.get(n);
            String out = outs.get(n);
            boolean violated = errors(out) > 0;
            String expected = actual(ps, p.specName());
            verdictMap.put(p.specName(), (violated ? "violated" : "holds") + " / " + expected);
            if (!expected.equals(violated ? "violated" : "holds")) {
                disagreements.add(p.specName() + ": SPIN says " + (violated ? "violated" : "holds") + ", pagestate " + expected);
            }
            if (!violated) {
                counts = counts(out);
                continue;
            }
            String replayOut = run(dir.resolve(p.specName()), 120, "spin", "-DCHECK_" + p.specName(), "-t", "model.pml");
            PromelaTrail.Replay replay = trail.replay(PromelaTrail.states(replayOut));
            ModelProperty prop = trail.model().property(p);
            if (!replay.matches()) {
                disagreements.add(p.specName() + ": SPIN's trail does not replay: " + replay.mismatch());
            } else if (prop.holds().test(replay.last())) {
                disagreements.add(p.specName() + ": SPIN's trail replays, but its last state does not violate it");
            } else {
                // SPIN's search is breadth-first: its trail is as short as the nearest violating state
                // of pagestate's model (the shown counterexample can have more steps: split hardware fills)
                long length = shortest(trail.model(), prop);
                causes.put(p.specName(), replay.steps().size() + " steps: " + prop.cause().apply(replay.last()));
                if (replay.steps().size() != length) {
                    disagreements.add(p.specName() + ": SPIN's trail has " + replay.steps().size()
                            + " steps, the nearest violating state of pagestate's model is " + length + " steps away");
                }
            }
        }
        if (counts == null) counts = counts(pan(dir, null, states > 50_000));
        if (counts[0] != states + 1) disagreements.add("states: SPIN " + counts[0] + ", pagestate " + states + " (+1 expected)");
        if (counts[1] != transitions + 2) {
            disagreements.add("transitions: SPIN " + counts[1] + ", pagestate " + transitions + " (+2 expected)");
        }
        return new Result(states, transitions, counts[0], counts[1], verdictMap, causes, disagreements);
    }

    private JsonNode pagestate(Path spec, Path dir) throws IOException {
        Path json = dir.resolve("pagestate.json");
        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"check", spec.toString(), "--no-reduction", "--quiet", "--json", json.toString()},
                new PrintWriter(out, true), new PrintWriter(out, true));
        if (code != 0 && code != 1) throw new IllegalStateException("pagestate check exited " + code + ": " + out);
        return new ObjectMapper().readTree(json.toFile()).get("specs").get(0);
    }

    /** Breadth-first over pagestate's model, unreduced: how many steps to the nearest state violating {@code prop}. */
    private static long shortest(pagestate.model.cpu.PageModel model, ModelProperty prop) {
        java.util.Set<pagestate.model.cpu.PageState> seen = new java.util.HashSet<>();
        List<pagestate.model.cpu.PageState> level = List.of(model.initialState());
        seen.addAll(level);
        for (long depth = 0; !level.isEmpty(); depth++) {
            List<pagestate.model.cpu.PageState> next = new ArrayList<>();
            for (pagestate.model.cpu.PageState s : level) {
                if (!prop.holds().test(s)) return depth;
                model.successors(s, (a, t) -> {
                    if (seen.add(t)) next.add(t);
                });
            }
            level = next;
        }
        return -1;
    }

    private static String actual(JsonNode spec, String property) {
        for (JsonNode p : spec.get("properties")) if (p.get("name").asText().equals(property)) return p.get("actual").asText();
        throw new IllegalArgumentException("no verdict for " + property);
    }

    /** Generates, compiles and runs the verifier: exhaustive, breadth-first, no reduction. */
    private String pan(Path dir, String define, boolean large) throws IOException, InterruptedException {
        List<String> spin = new ArrayList<>(List.of("spin", "-a", "-o2"));
        if (define != null) spin.add(define);
        spin.add("model.pml");
        run(dir, 120, spin.toArray(String[]::new));
        // a small model's verifier is compiled without optimisation: compiling costs more than running it
        run(dir, 300, "cc", large ? "-O2" : "-O0", "-DSAFETY", "-DNOREDUCE", "-DBFS", "-DVECTORSZ=4096", "-o", "pan", "pan.c");
        return run(dir, 600, "./pan", "-m100000000", "-w24");
    }

    private static int errors(String pan) {
        Matcher m = Pattern.compile("errors: (\\d+)").matcher(pan);
        if (!m.find()) throw new IllegalStateException("no error count in SPIN's output:\n" + pan);
        return Integer.parseInt(m.group(1));
    }

    private static long[] counts(String pan) {
        Matcher s = Pattern.compile("(\\d+) states, stored").matcher(pan);
        Matcher t = Pattern.compile("(\\d+) transitions \\(= stored\\+matched\\)").matcher(pan);
        if (!s.find() || !t.find()) throw new IllegalStateException("no counts in SPIN's output:\n" + pan);
        return new long[] {Long.parseLong(s.group(1)), Long.parseLong(t.group(1))};
    }

    private static String run(Path dir, int seconds, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + seconds + " s");
        }
        String text = new String(out, java.nio.charset.StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + text);
        return text;
    }
}
