package pagestate.specs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pagestate.model.cpu.Direction;
import pagestate.model.cpu.ErrorPath;
import pagestate.model.cpu.HardwareAction;
import pagestate.model.cpu.Mapping;
import pagestate.model.cpu.Options;
import pagestate.model.cpu.Platform;
import pagestate.model.cpu.Primitive;
import pagestate.model.PropertyName;

/**
 * What one file says (after parsing) or what a chain of files says (after {@code extends} is resolved),
 * every value with the place it was written. Null means "not said here". Only the loader mutates it.
 */
final class Draft {
    final Path file;
    Located<String> name;
    Located<String> description;
    Located<String> system;
    Located<String> base;
    Located<Platform> platform;
    final Map<Options.Option, Located<String>> options = new LinkedHashMap<>();
    Located<Integer> cpus;
    Located<Integer> pages;
    /** {@code mappings N} or {@code mappings direct lazy}: the mappings every page has, in Mapping order. */
    Located<List<Mapping>> mappings;
    final Map<String, ConverterDecl> converters = new LinkedHashMap<>();
    final Map<String, ReaderDecl> readers = new LinkedHashMap<>();
    final Map<String, HostDecl> hosts = new LinkedHashMap<>();
    Located<Set<HardwareAction>> hardware;
    Located<List<Located<Primitive>>> fail;
    Located<ErrorPath> onError;
    Located<CheckDecl> check;
    // ---- the other seed systems (docs/model.md section 7)
    Located<String> iommu;
    Located<String> busdma;
    Located<String> encryption;
    Located<String> caches;
    Located<String> tsm;
    Located<Integer> segments;
    final Map<String, ProgramDecl> programs = new LinkedHashMap<>();
    final Map<String, DeviceDecl> devices = new LinkedHashMap<>();
    final List<ExpectDecl> expectations = new ArrayList<>();
    final List<DropDecl> drops = new ArrayList<>();
    final List<EditDecl> edits = new ArrayList<>();

    Draft(Path file) {
        this.file = file;
    }

    /**
     * One step of a phase, where it was written (in this file or a base); {@code always}: runs even after a
     * failure; {@code via}: the mapping a step that takes an address goes through, null when not said.
     */
    record Step(Primitive primitive, Pos pos, boolean always, Located<Mapping> via) {
        String text() {
            return (always ? "always " : "") + primitive.specName() + (via == null ? "" : " via " + via.value().label());
        }
    }

    record PhaseDecl(Direction target, Pos pos, List<Step> steps) {
        PhaseDecl {
            steps = List.copyOf(steps);
        }
    }

    /** {@code via} is the owner's {@code via MAPPING}, null when not said (the direct map). */
    record ConverterDecl(String name, Pos pos, Located<Integer> cpu, List<Located<Integer>> pages, boolean owner,
                         Located<Mapping> via, List<PhaseDecl> phases) {
        ConverterDecl {
            pages = List.copyOf(pages);
            phases = List.copyOf(phases);
        }

        ConverterDecl withPhase(int index, PhaseDecl phase) {
            List<PhaseDecl> ps = new ArrayList<>(phases);
            ps.set(index, phase);
            return new ConverterDecl(name, pos, cpu, pages, owner, via, ps);
        }
    }

    /**
     * A reader; {@code cpu} and {@code page} are null in the short form ({@code reader NAME}) of the other
     * systems; {@code via} is null when not said (the direct map).
     */
    record ReaderDecl(String name, Pos pos, Located<Integer> cpu, Located<Integer> page, Located<Mapping> via) { }

    /**
     * {@code guest NAME [page P] does STEP...} or {@code driver NAME does STEP...}: an actor of another
     * seed system with its program; the steps are checked against the system's steps later.
     */
    record ProgramDecl(String keyword, String name, Pos pos, Located<Integer> page, List<Located<String>> steps) {
        ProgramDecl {
            steps = List.copyOf(steps);
        }
    }

    /** {@code device NAME [reads] [writes]}. */
    record DeviceDecl(String name, Pos pos, boolean reads, boolean writes) { }

    /** {@code check all}, {@code check all except P...} or {@code check P...}. */
    record CheckDecl(boolean all, List<Located<PropertyName>> listed) {
        CheckDecl {
            listed = List.copyOf(listed);
        }
    }

    record HostDecl(String name, Pos pos, Located<Integer> page, boolean reads, boolean writes) { }

    /** {@code expect PROPERTY holds|violated  # source}. */
    record ExpectDecl(PropertyName property, Pos pos, boolean holds, String source) { }

    /** {@code drop reader NAME}: remove an actor inherited from the base. */
    record DropDecl(String kind, String name, Pos pos) { }

    /** {@code edit CONVERTER [to shared|to private]:} and its indented operations. */
    record EditDecl(String converter, Pos pos, Direction phase, List<EditOp> ops) {
        EditDecl {
            ops = List.copyOf(ops);
        }
    }

    /** A step in the list being edited: {@code flush_tlb} or {@code flush_tlb#2} (occurrence 0 = not given). */
    record StepRef(Primitive primitive, int occurrence, Pos pos) {
        String text() {
            return occurrence == 0 ? primitive.specName() : primitive.specName() + "#" + occurrence;
        }
    }

    enum Where { BEFORE, AFTER, START, END }

    /** Where inserted or moved steps go: before/after a step, or at the start/end of the list. */
    record Anchor(Where where, StepRef ref) { }

    sealed interface EditOp permits Drop, Replace, Insert, Move { }

    record Drop(StepRef step) implements EditOp { }

    record Replace(StepRef step, List<Step> with) implements EditOp {
        Replace {
            with = List.copyOf(with);
        }
    }

    record Insert(List<Step> steps, Anchor anchor) implements EditOp {
        Insert {
            steps = List.copyOf(steps);
        }
    }

    record Move(StepRef step, Anchor anchor) implements EditOp { }
}
