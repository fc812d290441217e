package pagestate.specs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pagestate.model.cpu.Direction;

/**
 * {@code edit CONVERTER [to shared|to private]:} and its indented operations on the inherited step list:
 * {@code drop S}, {@code replace S with P...}, {@code insert P... before|after S}, {@code insert P... at start|end},
 * {@code move S before|after S2}, {@code move S at start|end}.
 */
final class EditBody implements Body {
    static final List<String> OPERATIONS = List.of("drop", "replace", "insert", "move");

    private final Problems problems;
    private final Draft draft;
    private final Header header;
    private final List<Draft.EditOp> ops = new ArrayList<>();
    private int lines;

    record Header(String converter, Pos pos, Direction phase) { }

    /** {@code header} is null when the edit line was bad: the operations are still read for their errors. */
    EditBody(Path file, Problems problems, Draft draft, Header header) {
        this.problems = problems;
        this.draft = draft;
        this.header = header;
    }

    static Header header(Cursor c) {
        Token n = c.name("edit");
        Direction phase = null;
        if (c.accept("to")) phase = ConverterBody.direction(c);
        c.accept(":");
        c.end();
        return new Header(n.text(), c.pos(n), phase);
    }

    @Override
    public boolean isEdit() {
        return true;
    }

    @Override
    public void line(Cursor c) {
        lines++;
        Token op = c.next();
        Draft.EditOp result;
        switch (op.quoted() ? "" : op.text()) {
            case "drop" -> result = new Draft.Drop(ref(c, "drop needs the step to drop, e.g. drop flush_tlb#2"));
            case "replace" -> {
                Draft.StepRef old = ref(c, "replace needs a step, e.g. replace flip with clear_present_and_flip");
                c.expect("with", "expected `with` and the new steps after replace " + old.text());
                List<Draft.Step> with = steps(c, "replace " + old.text() + " with");
                result = new Draft.Replace(old, with);
            }
            case "insert" -> {
                List<Draft.Step> steps = new ArrayList<>();
                while (!c.atEnd() && !isAnchorWord(c.peek())) steps.add(StepWords.step(c, c.next()));
                if (steps.isEmpty()) throw c.errorAtEnd("insert needs the steps to insert, e.g. insert flush_tlb after set_present");
                result = new Draft.Insert(steps, anchor(c, "insert"));
            }
            case "move" -> {
                Draft.StepRef s = ref(c, "move needs a step, e.g. move flush_cache before clear_present");
                result = new Draft.Move(s, anchor(c, "move " + s.text()));
            }
            default -> throw c.error(op, "unknown edit " + op.shown() + Suggest.hint(op.text(), OPERATIONS)
                    .replace("; known:", "; an edit is one of:"));
        }
        c.end();
        ops.add(result);
    }

    private static boolean isAnchorWord(Token t) {
        return t.is("before") || t.is("after") || t.is("at");
    }

    private static Draft.StepRef ref(Cursor c, String missing) {
        return StepWords.ref(c, c.require(missing));
    }

    private static List<Draft.Step> steps(Cursor c, String what) {
        List<Draft.Step> steps = new ArrayList<>();
        while (!c.atEnd()) steps.add(StepWords.step(c, c.next()));
        if (steps.isEmpty()) throw c.errorAtEnd(what + " needs at least one step");
        return steps;
    }

    private static Draft.Anchor anchor(Cursor c, String what) {
        Token w = c.require(what + " needs a place: before STEP, after STEP, at start or at end");
        if (w.is("before") || w.is("after")) {
            Draft.StepRef r = ref(c, w.text() + " needs a step");
            return new Draft.Anchor(w.is("before") ? Draft.Where.BEFORE : Draft.Where.AFTER, r);
        }
        if (w.is("at")) {
            Token e = c.require("expected start or end after `at`");
            if (e.is("start")) return new Draft.Anchor(Draft.Where.START, null);
            if (e.is("end")) return new Draft.Anchor(Draft.Where.END, null);
            throw c.error(e, "expected start or end after `at`, not " + e.shown());
        }
        throw c.error(w, "expected before, after or at, not " + w.shown());
    }

    @Override
    public void close() {
        if (header == null) return;
        if (lines == 0) {
            problems.at(header.pos(), "edit " + header.converter() + " has no operations: indent drop, replace, insert"
                    + " or move lines under it");
            return;
        }
        draft.edits.add(new Draft.EditDecl(header.converter(), header.pos(), header.phase(), ops));
    }
}
