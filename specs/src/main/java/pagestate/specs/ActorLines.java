package pagestate.specs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import pagestate.model.cpu.Mapping;
import pagestate.model.cpu.Scenario;
import pagestate.model.iommu.IommuConfig;

/**
 * The actor lines of one file ({@code converter}, {@code reader}, {@code host}, {@code guest},
 * {@code driver}, {@code device}) read into its {@link Draft}, each actor name once per file. A converter
 * line opens the body its indented phases and steps go to ({@link ConverterBody}), even when the line
 * itself is bad, so that its steps are still checked.
 */
final class ActorLines {
    private final Path file;
    private final Problems problems;
    private final Draft draft;
    private final Consumer<Body> open;
    private final Map<String, Integer> actorLines = new HashMap<>();

    ActorLines(Path file, Problems problems, Draft draft, Consumer<Body> open) {
        this.file = file;
        this.problems = problems;
        this.draft = draft;
        this.open = open;
    }

    void converter(Cursor c) {
        Token n = c.name("converter");
        // the body is parsed even if the header is bad, so that its steps are checked too
        open.accept(new ConverterBody(file, problems, draft, null));
        claimActor(c, n);
        Located<Integer> cpu = null;
        List<Located<Integer>> pages = new ArrayList<>();
        Boolean owner = null;
        Located<Mapping> via = null;
        while (!c.atEnd()) {
            Token t = c.next();
            if (t.is("on") || t.is("cpu")) {
                if (t.is("on")) c.expect("cpu", "expected `cpu N` after `on`");
                if (cpu != null) throw c.error(t, "converter " + n.text() + " already has a cpu");
                cpu = c.number("cpu", 0, Scenario.MAX_CPUS - 1);
            } else if (t.is("page") || t.is("pages")) {
                if (!pages.isEmpty()) throw c.error(t, "converter " + n.text() + " already has its pages");
                pages.add(c.number("page", 0, Scenario.MAX_PAGES - 1));
                while (!c.atEnd() && Cursor.digits(c.peek().text())) pages.add(c.number("page", 0, Scenario.MAX_PAGES - 1));
            } else if (t.is("owner")) {
                if (owner != null) throw c.error(t, "converter " + n.text() + " already says owner");
                owner = c.accept("on") || !c.accept("off");
            } else if (t.is("via")) {
                if (via != null) throw c.error(t, "converter " + n.text() + " already says via");
                via = StepWords.via(c);
            } else {
                throw c.error(t, "unexpected " + t.shown() + " in converter line; write converter NAME on cpu N pages P"
                        + " [owner on|off] [via MAPPING]");
            }
        }
        if (cpu == null) throw c.errorAtEnd("converter " + n.text() + " needs a cpu, e.g. `on cpu 0`");
        if (pages.isEmpty()) throw c.errorAtEnd("converter " + n.text() + " needs its pages, e.g. `pages 1`");
        for (int i = 0; i < pages.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (pages.get(i).value().equals(pages.get(j).value())) {
                    throw new LineError(pages.get(i).pos().error("page " + pages.get(i).value() + " is listed twice"));
                }
            }
        }
        if (via != null && Boolean.FALSE.equals(owner)) {
            throw new LineError(via.pos().error("via needs an owner (owner off has no accesses): remove `via "
                    + via.value().label() + "` or write owner on"));
        }
        open.accept(new ConverterBody(file, problems, draft,
                new Draft.ConverterDecl(n.text(), c.pos(n), cpu, pages, owner == null || owner, via, List.of())));
    }

    void reader(Cursor c) {
        Token n = c.name("reader");
        claimActor(c, n);
        if (c.atEnd()) {
            // the short form of vtom-swiotlb and cove: where it reads is fixed by the system
            draft.readers.put(n.text(), new Draft.ReaderDecl(n.text(), c.pos(n), null, null, null));
            return;
        }
        c.accept("on");
        // the messages are built only when needed: a spec may have tens of thousands of readers
        if (!c.accept("cpu")) c.expect("cpu", "expected `on cpu N page P` after reader " + n.shown());
        Located<Integer> cpu = c.number("cpu", 0, Scenario.MAX_CPUS - 1);
        c.expect("page", "expected `page P` (the page read across into page P+1)");
        Located<Integer> page = c.number("page", 0, Scenario.MAX_PAGES - 1);
        Located<Mapping> via = null;
        if (!c.atEnd()) {
            if (!c.peek().is("via")) {
                throw c.error(c.peek(), "unexpected " + c.peek().shown() + " after " + page.value()
                        + "; only `via " + String.join("|", Names.mappings()) + "` may follow the page");
            }
            c.next();
            via = StepWords.via(c);
        }
        c.end();
        draft.readers.put(n.text(), new Draft.ReaderDecl(n.text(), c.pos(n), cpu, page, via));
    }

    void host(Cursor c) {
        Token n = c.name("host");
        claimActor(c, n);
        if (!c.accept("page")) c.expect("page", "expected `page P reads writes` after host " + n.shown());
        Located<Integer> page = c.number("page", 0, Scenario.MAX_PAGES - 1);
        boolean[] rw = readsWrites(c, "host line; write host NAME page P reads writes");
        boolean reads = rw[0];
        boolean writes = rw[1];
        if (!reads && !writes) throw c.errorAtEnd("host " + n.text() + " needs `reads`, `writes` or both");
        draft.hosts.put(n.text(), new Draft.HostDecl(n.text(), c.pos(n), page, reads, writes));
    }

    /** {@code guest NAME [page P] does STEP...} and {@code driver NAME does STEP...}. */
    void program(Cursor c, Token k) {
        Token n = c.name(k.text());
        claimActor(c, n);
        Located<Integer> page = null;
        if (c.accept("page")) page = c.number("page", 0, IommuConfig.MAX_PAGES - 1);
        c.expect("does", "expected `does STEP...` after " + k.text() + " " + n.shown()
                + (k.is("guest") ? " (or `page P does STEP...`)" : ""));
        if (c.atEnd()) throw c.errorAtEnd(k.text() + " " + n.text() + " needs its steps after `does`");
        List<Located<String>> steps = new ArrayList<>();
        while (!c.atEnd()) {
            Token t = c.next();
            if (t.quoted()) throw c.error(t, "a step is a word, not a quoted text: " + t.shown());
            steps.add(new Located<>(t.text(), c.pos(t)));
        }
        draft.programs.put(n.text(), new Draft.ProgramDecl(k.text(), n.text(), c.pos(n), page, steps));
    }

    /** {@code device NAME [reads] [writes]}. */
    void device(Cursor c) {
        Token n = c.name("device");
        claimActor(c, n);
        boolean[] rw = readsWrites(c, "device line; write device NAME [reads] [writes]");
        draft.devices.put(n.text(), new Draft.DeviceDecl(n.text(), c.pos(n), rw[0], rw[1]));
    }

    /** The rest of a line as the words {@code reads} and {@code writes}, each at most once: {reads, writes}. */
    private static boolean[] readsWrites(Cursor c, String usage) {
        boolean[] rw = new boolean[2];
        while (!c.atEnd()) {
            Token t = c.next();
            if (t.is("reads") && !rw[0]) {
                rw[0] = true;
            } else if (t.is("writes") && !rw[1]) {
                rw[1] = true;
            } else {
                throw c.error(t, "unexpected " + t.shown() + " in " + usage);
            }
        }
        return rw;
    }

    private void claimActor(Cursor c, Token n) {
        if (FileParser.KEYWORDS.contains(n.text())) throw c.error(n, n.text() + " is a keyword; choose another name");
        Integer first = actorLines.putIfAbsent(n.text(), c.line().number());
        if (first != null) throw c.error(n, "duplicate actor name " + n.text() + " (first used on line " + first + ")");
    }
}
