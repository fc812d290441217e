package pagestate.reports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** File-name-safe, unique names for specs and properties in an output directory. */
final class Slugs {

    private Slugs() {
    }

    /** One slug per spec, in order, unique within the run (a clash gets "-2", "-3", ...). */
    static List<String> forSpecs(RunReport report) {
        List<String> names = new ArrayList<>();
        for (SpecReport spec : report.specs()) {
            names.add(spec.name());
        }
        return unique(names);
    }

    /** One slug per property of a spec, in order, unique within the spec. */
    static List<String> forProperties(SpecReport spec) {
        List<String> names = new ArrayList<>();
        for (PropertyReport property : spec.properties()) {
            names.add(property.name());
        }
        return unique(names);
    }

    static List<String> unique(List<String> names) {
        Set<String> taken = new HashSet<>();
        taken.add("index");
        List<String> slugs = new ArrayList<>();
        for (String name : names) {
            String base = slug(name);
            String slug = base;
            for (int n = 2; !taken.add(slug.toLowerCase(Locale.ROOT)); n++) {
                slug = base + "-" + n;
            }
            slugs.add(slug);
        }
        return slugs;
    }

    /** Letters, digits, dot, dash and underscore kept; runs of anything else become one underscore. */
    static String slug(String name) {
        String slug = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+|_+$", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80);
        }
        return slug.isEmpty() ? "unnamed" : slug;
    }
}
