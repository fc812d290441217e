package pagestate.specs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a file and, through {@code extends}, its bases; merges them into one {@link Draft}. A variant
 * inherits every setting, actor and {@code check} of its base and overrides what it states again; a
 * converter, reader or host of the same name replaces the inherited one; {@code drop} removes one;
 * {@code edit} changes a converter's steps. Name, description and expectations are not inherited.
 */
final class Resolver {
    /** How many files deep {@code extends} may go (the spec itself counts as one). */
    static final int MAX_DEPTH = 64;
    /** The largest spec file read, in bytes. */
    static final long MAX_FILE_BYTES = Lexer.MAX_FILE_CHARS;
    /** The most bytes a spec and all its bases may hold together. */
    static final long MAX_TOTAL_BYTES = 4L * MAX_FILE_BYTES;

    private final Problems problems;
    private final List<Path> chain = new ArrayList<>();
    private long totalBytes;

    Resolver(Problems problems) {
        this.problems = problems;
    }

    /**
     * @param draft       the merged spec
     * @param incomplete  something it depends on failed (a syntax error here or anywhere in its bases), so
     *                    "missing X" is not reported: X may be on the line that failed
     * @param base        the file it extends, or null
     */
    record Resolved(Draft draft, boolean incomplete, Path base) { }

    /** Reads {@code file} (or uses {@code text} when non-null); null if it cannot be read or closes a cycle. */
    Resolved resolve(Path file, String text, Pos from) {
        return resolve(file, text, from, null);
    }

    private Resolved resolve(Path file, String text, Pos from, String asWritten) {
        Path key = file.toAbsolutePath().normalize();
        if (chain.contains(key)) {
            List<String> names = new ArrayList<>();
            for (Path p : chain.subList(chain.indexOf(key), chain.size())) names.add(p.getFileName().toString());
            names.add(key.getFileName().toString());
            problems.at(from, "extends cycle: " + String.join(" -> ", names));
            return null;
        }
        String body = text;
        if (body == null) {
            body = read(file, from, asWritten);
            if (body == null) return null;
        }
        chain.add(key);
        try {
            int before = problems.count();
            Draft own = FileParser.parse(file, Lexer.lex(file, body, problems), problems);
            if (own.base == null) {
                for (Draft.DropDecl d : own.drops) {
                    problems.at(d.pos(), "drop removes an actor inherited with extends, and this spec extends nothing");
                }
                applyEdits(own);
                return new Resolved(own, problems.count() > before, null);
            }
            Path basePath;
            try {
                basePath = resolveBase(file, own.base.value());
            } catch (InvalidPathException e) {
                problems.at(own.base.pos(), "extends: " + Suggest.show(own.base.value()) + " is not a valid file name");
                return new Resolved(own, true, null);
            }
            if (!own.base.value().endsWith(SpecLoader.EXTENSION)) {
                problems.at(own.base.pos(), "extends: \"" + Suggest.show(own.base.value()) + "\" is not a spec file:"
                        + " a base's name ends in " + SpecLoader.EXTENSION);
                return new Resolved(own, true, null);
            }
            if (chain.size() >= MAX_DEPTH) {
                problems.at(own.base.pos(), "extends goes more than " + MAX_DEPTH + " files deep (from "
                        + chain.get(0).getFileName() + "); a spec may extend a chain of at most " + (MAX_DEPTH - 1) + " bases");
                return new Resolved(own, true, null);
            }
            Resolved base = resolve(basePath, null, own.base.pos(), own.base.value());
            if (base == null || base.incomplete()) return new Resolved(own, true, basePath);
            Draft merged = merge(base.draft(), own);
            applyEdits(merged);
            return new Resolved(merged, problems.count() > before, basePath);
        } finally {
            chain.remove(chain.size() - 1);
        }
    }

    private static Path resolveBase(Path file, String name) {
        Path dir = file.getParent();
        return (dir == null ? Path.of(name) : dir.resolve(name)).normalize();
    }

    private String read(Path file, Pos from, String asWritten) {
        String what = asWritten == null ? "" : "base spec \"" + Suggest.show(asWritten) + "\": ";
        String cannot = "cannot read " + (what.isEmpty() ? "the file: " : what);
        try {
            if (!Files.exists(file)) {
                problems.at(from, what.isEmpty() ? "no such file" : "no " + what + file + " does not exist");
                return null;
            }
            if (!Files.isRegularFile(file)) {
                problems.at(from, cannot + (Files.isDirectory(file) ? "it is a directory" : "it is not a regular file"));
                return null;
            }
            if (asWritten == null && !String.valueOf(file.getFileName()).endsWith(SpecLoader.EXTENSION)) {
                // named directly (check FILE): a file of another kind is not parsed for words it happens to hold
                String name = String.valueOf(file.getFileName());
                int dot = name.lastIndexOf('.');
                String renamed = (dot > 0 ? name.substring(0, dot) : name) + SpecLoader.EXTENSION;
                problems.at(from, "not a spec file: spec files end in " + SpecLoader.EXTENSION + "; rename it to "
                        + Suggest.show(renamed) + " if it is one, or name its folder to check every spec in it");
                return null;
            }
            if (asWritten != null && !file.toRealPath().getFileName().toString().endsWith(SpecLoader.EXTENSION)) {
                problems.at(from, cannot + "it links to " + Suggest.show(file.toRealPath().getFileName().toString())
                        + ", which is not a spec file");
                return null;
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.at(from, cannot + "it has " + size + " bytes; a spec file has at most " + MAX_FILE_BYTES);
                return null;
            }
            totalBytes += size;
            if (totalBytes > MAX_TOTAL_BYTES) {
                problems.at(from, cannot + "a spec and its bases have at most " + MAX_TOTAL_BYTES + " bytes together");
                return null;
            }
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            problems.at(from, what.isEmpty() ? "no such file" : "no " + what + file + " does not exist");
        } catch (java.nio.file.AccessDeniedException e) {
            problems.at(from, cannot + "permission denied");
        } catch (IOException | RuntimeException e) {
            problems.at(from, cannot + (e.getMessage() == null ? "an I/O error" : Suggest.show(e.getMessage())));
        }
        return null;
    }

    private Draft merge(Draft base, Draft own) {
        Draft m = new Draft(own.file);
        m.name = own.name;
        m.description = own.description;
        m.base = own.base;
        m.system = or(own.system, base.system);
        m.platform = or(own.platform, base.platform);
        m.options.putAll(base.options);
        m.options.putAll(own.options);
        m.cpus = or(own.cpus, base.cpus);
        m.pages = or(own.pages, base.pages);
        m.mappings = or(own.mappings, base.mappings);
        m.hardware = or(own.hardware, base.hardware);
        m.fail = or(own.fail, base.fail);
        m.onError = or(own.onError, base.onError);
        m.check = or(own.check, base.check);
        m.iommu = or(own.iommu, base.iommu);
        m.busdma = or(own.busdma, base.busdma);
        m.encryption = or(own.encryption, base.encryption);
        m.caches = or(own.caches, base.caches);
        m.tsm = or(own.tsm, base.tsm);
        m.segments = or(own.segments, base.segments);
        m.programs.putAll(base.programs);
        m.devices.putAll(base.devices);
        m.converters.putAll(base.converters);
        m.readers.putAll(base.readers);
        m.hosts.putAll(base.hosts);
        for (Draft.DropDecl d : own.drops) drop(m, d);
        m.converters.putAll(own.converters);
        m.readers.putAll(own.readers);
        m.hosts.putAll(own.hosts);
        m.programs.putAll(own.programs);
        m.devices.putAll(own.devices);
        m.expectations.addAll(own.expectations);
        m.edits.addAll(own.edits);
        return m;
    }

    private void drop(Draft m, Draft.DropDecl d) {
        Map<String, ?> actors = switch (d.kind()) {
            case "converter" -> m.converters;
            case "reader" -> m.readers;
            case "guest", "driver" -> m.programs;
            case "device" -> m.devices;
            default -> m.hosts;
        };
        boolean wrongKind = actors == m.programs && m.programs.containsKey(d.name())
                && !m.programs.get(d.name()).keyword().equals(d.kind());
        if (wrongKind || actors.remove(d.name()) == null) {
            problems.at(d.pos(), "no " + d.kind() + " " + d.name() + " in the base spec to drop"
                    + Suggest.hint(d.name(), List.copyOf(actors.keySet())));
        }
    }

    private void applyEdits(Draft d) {
        StepEditor editor = new StepEditor(problems);
        for (Draft.EditDecl e : d.edits) editor.apply(d, e);
        d.edits.clear();
    }

    private static <T> T or(T own, T base) {
        return own != null ? own : base;
    }
}
