package pagestate.specs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pagestate.model.cpu.Direction;

/** The phases and steps under a converter line: {@code to shared:} / {@code to private:} and one step per word. */
final class ConverterBody implements Body {
    private final Problems problems;
    private final Draft draft;
    private final Draft.ConverterDecl header;
    private final List<Draft.PhaseDecl> phases = new ArrayList<>();
    private Direction direction;
    private Pos phasePos;
    private List<Draft.Step> steps;
    private boolean discarding;
    private int phaseLines;
    private int lines;

    /** {@code header} is null when the converter line was bad: the body is still read for its errors. */
    ConverterBody(Path file, Problems problems, Draft draft, Draft.ConverterDecl header) {
        this.problems = problems;
        this.draft = draft;
        this.header = header;
    }

    @Override
    public boolean isEdit() {
        return false;
    }

    @Override
    public void line(Cursor c) {
        lines++;
        if (!c.peek().is("to")) phaseLines++;
        if (c.peek().is("to")) {
            finishPhase();
            discarding = true; // until the header is read: the steps of a bad header are not blamed twice
            Token to = c.next();
            Direction d = direction(c);
            c.accept(":");
            if (phases.size() == 2) throw c.error(to, "a converter has at most two phases: one direction, or a round trip");
            if (!phases.isEmpty() && phases.get(phases.size() - 1).target() == d) {
                throw c.error(to, "a round trip goes back: after `to " + d.specName() + "` comes `to "
                        + (d == Direction.TO_SHARED ? Direction.TO_PRIVATE : Direction.TO_SHARED).specName() + "`");
            }
            discarding = false;
            direction = d;
            phasePos = c.pos(to);
            steps = new ArrayList<>();
            phaseLines = c.atEnd() ? 0 : 1;
        }
        while (!c.atEnd()) {
            Token t = c.next();
            if (t.is(":")) throw c.error(t, "unexpected :");
            Draft.Step s = StepWords.step(c, t);
            if (discarding) continue;
            if (steps == null) throw c.error(t, "a step needs a phase: start the converter's body with `to shared:` or `to private:`");
            steps.add(s);
        }
    }

    static Direction direction(Cursor c) {
        Token d = c.require("expected `shared` or `private` after `to`");
        if (d.is("shared")) return Direction.TO_SHARED;
        if (d.is("private")) return Direction.TO_PRIVATE;
        throw c.error(d, "expected `shared` or `private` after `to`, not " + d.shown()
                + Suggest.hint(d.text(), List.of("shared", "private")).replace("; known: shared, private", ""));
    }

    private void finishPhase() {
        if (steps == null) return;
        if (steps.isEmpty() && phaseLines == 0) problems.at(phasePos, "`to " + direction.specName() + "` has no steps");
        phases.add(new Draft.PhaseDecl(direction, phasePos, steps));
        steps = null;
    }

    @Override
    public void close() {
        finishPhase();
        if (header == null) return;
        if (phases.isEmpty()) {
            if (lines == 0) {
                problems.at(header.pos(), "converter " + header.name() + " has no steps: indent a `to shared:` or"
                        + " `to private:` line under it, then one step per line");
            }
            return;
        }
        draft.converters.put(header.name(), new Draft.ConverterDecl(header.name(), header.pos(), header.cpu(),
                header.pages(), header.owner(), header.via(), phases));
    }
}
