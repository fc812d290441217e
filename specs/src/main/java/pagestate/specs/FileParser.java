package pagestate.specs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pagestate.model.cpu.ErrorPath;
import pagestate.model.cpu.HardwareAction;
import pagestate.model.cpu.Mapping;
import pagestate.model.cpu.Options;
import pagestate.model.cpu.Platform;
import pagestate.model.cpu.Primitive;
import pagestate.model.PropertyName;
import pagestate.model.cpu.Scenario;
import pagestate.model.busdma.BusdmaConfig;

/**
 * Reads the lines of one file into a {@link Draft}: the syntax of every top-level line, names, numbers
 * and duplicates within the file. What needs the whole spec (extends, edits, bounds against actors,
 * platform against primitives) is checked later by {@link Resolver} and {@link Validator}.
 */
final class FileParser {
    /** The top-level keywords, in the order the README presents them. */
    static final List<String> KEYWORDS = List.of("spec", "extends", "description", "system", "platform", "option",
            "cpus", "pages", "mappings", "converter", "reader", "host", "hardware", "fail", "on_error", "check",
            "expect", "drop", "edit", "iommu", "busdma", "encryption", "caches", "tsm", "segments", "guest", "driver", "device");

    private final Path file;
    private final Problems problems;
    private final Draft draft;
    private final Map<String, Integer> settingLines = new HashMap<>();
    private final ActorLines actors;
    private final Map<PropertyName, Integer> expectLines = new EnumMap<>(PropertyName.class);
    private Body body;

    private FileParser(Path file, Problems problems) {
        this.file = file;
        this.problems = problems;
        this.draft = new Draft(file);
        this.actors = new ActorLines(file, problems, draft, b -> body = b);
    }

    static Draft parse(Path file, List<Line> lines, Problems problems) {
        FileParser p = new FileParser(file, problems);
        for (Line line : lines) {
            problems.poll();
            p.line(line);
        }
        p.closeBody();
        return p.draft;
    }

    private void line(Line line) {
        if (line.tokens().isEmpty()) return;
        Cursor c = new Cursor(file, line);
        try {
            if (line.indented()) {
                Token first = line.tokens().get(0);
                if (KEYWORDS.contains(first.text()) && !first.quoted() && !(body != null && body.isEdit()
                        && first.is("drop"))) {
                    throw c.error(first, first.shown() + " starts a top-level line: remove the indentation"
                            + " (only the steps of a converter and the lines of an edit are indented)");
                }
                if (body == null) {
                    throw c.error(first, "unexpected indented line: only the steps of a converter"
                            + " and the lines of an edit are indented");
                }
                body.line(c);
            } else if (body instanceof ConverterBody && isStep(line.tokens().get(0))) {
                throw c.error(line.tokens().get(0), line.tokens().get(0).shown()
                        + " is a step: indent it like the other steps of the converter");
            } else {
                closeBody();
                top(c);
            }
        } catch (LineError e) {
            problems.add(e.error());
        }
    }

    private static boolean isStep(Token t) {
        return !t.quoted() && (Primitive.bySpecName(t.text()).isPresent() || t.is("always"));
    }

    private void closeBody() {
        if (body != null) body.close();
        body = null;
    }

    private void top(Cursor c) {
        Token k = c.next();
        switch (k.quoted() ? "" : k.text()) {
            case "spec" -> draft.name = once(c, k, () -> located(c, c.name("spec")));
            case "extends" -> draft.base = once(c, k, () -> located(c, c.require("extends needs a file name, e.g. extends \"base.pspec\"")));
            case "description" -> draft.description = once(c, k, () -> description(c));
            case "system" -> draft.system = once(c, k, () -> located(c, c.name("system")));
            case "platform" -> draft.platform = once(c, k, () -> platform(c));
            case "option" -> option(c);
            case "cpus" -> draft.cpus = once(c, k, () -> c.number("cpus", 1, Scenario.MAX_CPUS));
            case "pages" -> draft.pages = once(c, k, () -> c.number("pages", 1, Scenario.MAX_PAGES));
            case "segments" -> draft.segments = once(c, k, () -> c.number("segments", 1, BusdmaConfig.MAX_SEGMENTS));
            case "iommu" -> draft.iommu = once(c, k, () -> words(c, k, "iommu", Names.iommuPolicies()));
            case "busdma" -> draft.busdma = once(c, k, () -> words(c, k, "busdma", Names.loadModes()));
            case "encryption" -> draft.encryption = once(c, k, () -> words(c, k, "encryption", Names.encryptions()));
            case "caches" -> draft.caches = once(c, k, () -> words(c, k, "caches", Names.caches()));
            case "tsm" -> draft.tsm = once(c, k, () -> words(c, k, "tsm", Names.tsmModes()));
            case "guest", "driver" -> actors.program(c, k);
            case "device" -> actors.device(c);
            case "mappings" -> draft.mappings = once(c, k, () -> mappings(c, k));
            case "converter" -> actors.converter(c);
            case "reader" -> actors.reader(c);
            case "host" -> actors.host(c);
            case "hardware" -> draft.hardware = once(c, k, () -> hardware(c, k));
            case "fail" -> draft.fail = once(c, k, () -> fail(c, k));
            case "on_error" -> draft.onError = once(c, k, () -> onError(c));
            case "check" -> draft.check = once(c, k, () -> check(c, k));
            case "expect" -> expect(c, k);
            case "drop" -> drop(c, k);
            case "edit" -> {
                body = new EditBody(file, problems, draft, null); // the lines of a bad edit header are still read
                body = new EditBody(file, problems, draft, EditBody.header(c));
            }
            default -> throw unknownKeyword(c, k);
        }
    }

    private LineError unknownKeyword(Cursor c, Token k) {
        if (Primitive.bySpecName(k.text()).isPresent()) {
            return c.error(k, k.shown() + " is a step: indent it under a `to shared:` or `to private:` line of a converter");
        }
        if (k.is("to")) return c.error(k, "`to " + (c.atEnd() ? "..." : c.peek().shown())
                + ":` starts a phase: indent it under a converter line");
        if (k.is(":")) return c.error(k, "unexpected :");
        return c.error(k, "unknown keyword " + k.shown() + Suggest.hint(k.text(), KEYWORDS));
    }

    private interface Value<T> {
        T read();
    }

    /** A setting that may appear once per file; the value is parsed (and must end the line) first. */
    private <T> T once(Cursor c, Token k, Value<T> value) {
        T v = value.read();
        c.end();
        Integer first = settingLines.putIfAbsent(k.text(), c.line().number());
        if (first != null) throw c.error(k, "duplicate " + k.text() + " (first set on line " + first + ")");
        return v;
    }

    private Located<String> located(Cursor c, Token t) {
        return new Located<>(t.text(), c.pos(t));
    }

    private Located<String> description(Cursor c) {
        Token first = c.require("description needs a one-line text, e.g. description \"TDX generic path, to shared\"");
        String text = first.text();
        if (!first.quoted()) {
            // unquoted: the rest of the line as written (commas and colons included), up to a comment
            text = c.line().code().substring(first.col() - 1).strip();
            while (!c.atEnd()) c.next();
        }
        if (text.isBlank()) throw c.error(first, "description is empty");
        return new Located<>(text, c.pos(first));
    }

    private Located<Platform> platform(Cursor c) {
        Token t = c.oneOf("platform", Names.platforms());
        return new Located<>(Platform.bySpecName(t.text()).orElseThrow(), c.pos(t));
    }

    private void option(Cursor c) {
        Token n = c.oneOf("option", Names.options());
        Options.Option option = Options.Option.bySpecName(n.text()).orElseThrow();
        Token v = c.require(option.specName() + " needs a value: " + String.join(" or ", option.allowed()));
        if (v.quoted() || !option.allowed().contains(v.text())) {
            throw c.error(v, option.specName() + " takes " + String.join(" or ", option.allowed()) + ", not " + v.shown());
        }
        c.end();
        Located<String> before = draft.options.putIfAbsent(option, new Located<>(v.text(), c.pos(n)));
        if (before != null) {
            throw c.error(n, "duplicate option " + n.text() + " (first set on line " + before.pos().line() + ")");
        }
    }

    /**
     * {@code mappings N} (the first N of direct, vmalloc, lazy, as before) or {@code mappings direct lazy}:
     * the mappings every page has, in any order, the direct map among them.
     */
    private Located<List<Mapping>> mappings(Cursor c, Token k) {
        if (!c.atEnd() && Cursor.digits(c.peek().text()) && !c.peek().quoted()) {
            Located<Integer> n = c.number("mappings", 1, Scenario.MAX_MAPPINGS);
            return new Located<>(Mapping.first(n.value()), n.pos());
        }
        if (c.atEnd()) {
            throw c.errorAtEnd("mappings needs a number (1 to " + Scenario.MAX_MAPPINGS + ") or the mappings by name: "
                    + String.join(", ", Names.mappings()) + ", e.g. mappings direct lazy");
        }
        java.util.EnumSet<Mapping> set = java.util.EnumSet.noneOf(Mapping.class);
        while (!c.atEnd()) {
            Token t = c.oneOf("mapping", Names.mappings());
            if (!set.add(Mapping.bySpecName(t.text()).orElseThrow())) throw c.error(t, t.text() + " is listed twice");
        }
        if (!set.contains(Mapping.DIRECT)) {
            List<String> fixed = new ArrayList<>(List.of(Mapping.DIRECT.label()));
            for (Mapping m : set) fixed.add(m.label());
            throw c.error(k, "every page has the direct map: write `mappings " + String.join(" ", fixed) + "`");
        }
        return new Located<>(List.copyOf(set), c.pos(k));
    }

    /** A setting whose value is one of a few phrases ("map-all 2M", "dynamic"): the rest of the line. */
    private Located<String> words(Cursor c, Token k, String what, List<String> allowed) {
        if (c.atEnd()) throw c.errorAtEnd(what + " needs one of: " + String.join(", ", allowed));
        Token first = c.next();
        StringBuilder b = new StringBuilder(first.text());
        while (!c.atEnd()) b.append(' ').append(c.next().text());
        String value = b.toString();
        if (first.quoted() || !allowed.contains(value)) {
            throw c.error(first, "unknown " + what + " " + Suggest.show(value) + Suggest.hint(value, allowed)
                    + " (" + what + " takes " + String.join(", ", allowed) + ")");
        }
        return new Located<>(value, c.pos(first));
    }

    private Located<Set<HardwareAction>> hardware(Cursor c, Token k) {
        Set<HardwareAction> set = EnumSet.noneOf(HardwareAction.class);
        if (c.accept("none")) return new Located<>(set, c.pos(k));
        boolean all = c.accept("all");
        if (all) set.addAll(EnumSet.allOf(HardwareAction.class));
        boolean except = all && c.accept("except");
        if (c.atEnd() && (!all || except)) throw c.errorAtEnd("hardware needs all, none, or a list of: "
                + String.join(" ", Names.hardware()));
        while (!c.atEnd()) {
            Token t = c.oneOf("hardware action", Names.hardware());
            HardwareAction a = HardwareAction.bySpecName(t.text()).orElseThrow();
            if (all && !except) throw c.error(t, "write `hardware all except " + t.text() + "` to leave some out");
            if (except ? !set.remove(a) : !set.add(a)) throw c.error(t, t.text() + " is listed twice");
        }
        return new Located<>(set, c.pos(k));
    }

    private Located<List<Located<Primitive>>> fail(Cursor c, Token k) {
        List<Located<Primitive>> list = new ArrayList<>();
        if (c.accept("none")) return new Located<>(list, c.pos(k));
        if (c.atEnd()) throw c.errorAtEnd("fail needs the hypercalls that may fail (" + String.join(" ", Names.hypercalls())
                + ") or none");
        while (!c.atEnd()) {
            Token t = c.next();
            Primitive p = Primitive.bySpecName(t.text()).orElse(null);
            if (p == null || t.quoted()) {
                throw c.error(t, "unknown hypercall " + t.shown() + Suggest.hint(t.text(), Names.hypercalls()));
            }
            if (!p.isHypercall()) {
                throw c.error(t, p.specName() + " is not a hypercall; fail takes " + String.join(", ", Names.hypercalls()));
            }
            for (Located<Primitive> q : list) if (q.value() == p) throw c.error(t, p.specName() + " is listed twice");
            list.add(new Located<>(p, c.pos(t)));
        }
        return new Located<>(list, c.pos(k));
    }

    private Located<ErrorPath> onError(Cursor c) {
        Token t = c.oneOf("error path", Names.errorPaths());
        java.util.Optional<ErrorPath> e = ErrorPath.bySpecName(t.text());
        if (e.isPresent()) return new Located<>(e.get(), c.pos(t));
        throw c.error(t, "unknown error path " + t.shown());
    }

    /** Which properties "all" means depends on the system, which may come later or from a base: the Validator expands it. */
    private Located<Draft.CheckDecl> check(Cursor c, Token k) {
        List<Located<PropertyName>> list = new ArrayList<>();
        boolean all = c.accept("all");
        boolean except = all && c.accept("except");
        if (c.atEnd() && (!all || except)) throw c.errorAtEnd("check needs all, or a list of property names");
        while (!c.atEnd()) {
            Token t = c.oneOf("property", Names.properties());
            PropertyName p = PropertyName.bySpecName(t.text()).orElseThrow();
            if (all && !except) throw c.error(t, "write `check all except " + t.text() + "` to leave some out");
            for (Located<PropertyName> q : list) if (q.value() == p) throw c.error(t, t.text() + " is listed twice");
            list.add(new Located<>(p, c.pos(t)));
        }
        return new Located<>(new Draft.CheckDecl(all, list), c.pos(k));
    }

    private void expect(Cursor c, Token k) {
        Token p = c.oneOf("property", Names.properties());
        PropertyName property = PropertyName.bySpecName(p.text()).orElseThrow();
        Token v = c.require("expect " + p.text() + " needs a verdict: holds or violated");
        if (!v.is("holds") && !v.is("violated")) {
            throw c.error(v, "unknown verdict " + v.shown() + Suggest.hint(v.text(), List.of("holds", "violated"))
                    + " (an expectation is holds or violated)");
        }
        c.end();
        Integer first = expectLines.putIfAbsent(property, c.line().number());
        if (first != null) throw c.error(p, "duplicate expectation for " + p.text() + " (first on line " + first + ")");
        String source = c.line().comment() == null ? "" : c.line().comment();
        draft.expectations.add(new Draft.ExpectDecl(property, c.pos(p), v.is("holds"), source));
    }

    private void drop(Cursor c, Token k) {
        Token kind = c.oneOf("actor kind", List.of("converter", "reader", "host", "guest", "driver", "device"));
        Token n = c.name(kind.text());
        c.end();
        draft.drops.add(new Draft.DropDecl(kind.text(), n.text(), c.pos(n)));
    }
}
