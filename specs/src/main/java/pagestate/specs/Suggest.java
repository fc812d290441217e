package pagestate.specs;

import java.util.Collection;
import java.util.Optional;

/** "did you mean ...?" by edit distance (optimal string alignment: a swap of two letters costs 1). */
public final class Suggest {
    private Suggest() { }

    /** The closest candidate within a distance that still looks like a typo, if any. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int limit = Math.max(1, Math.min(3, word.length() / 3));
        for (String c : candidates) {
            if (Math.abs(word.length() - c.length()) > limit) continue;   // the distance is at least that
            int d = distance(word, c);
            if (d <= limit && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        if (best == null && word.length() >= 3) {
            for (String c : candidates) if (c.length() >= 3 && word.contains(c)) return Optional.of(c);
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean X?"}, or when nothing is close and the candidates are few, {@code "; known: a, b"}. */
    public static String hint(String word, Collection<String> candidates) {
        Optional<String> c = closest(word, candidates);
        if (c.isPresent()) return "; did you mean " + c.get() + "?";
        if (!candidates.isEmpty() && candidates.size() <= 8) return "; known: " + String.join(", ", candidates);
        return "";
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** A word as it may appear in a one-line message: control characters escaped, at most 40 characters. */
    static String show(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < 40; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isISOControl(c) || c == '\uFFFD') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() >= 40 && text.length() > 40) b.append("...");
        return b.toString();
    }
}
