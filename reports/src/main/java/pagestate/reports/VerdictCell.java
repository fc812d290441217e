package pagestate.reports;

/** How one property's verdict shows in a table cell: CSS class, mark and words. */
record VerdictCell(String cssClass, String mark, String headline, String detail) {

    static VerdictCell of(PropertyReport property) {
        String actual = property.actual().word();
        if (property.expected() == null) {
            return new VerdictCell("info", "", actual, "no expectation");
        }
        String expected = "expected " + property.expected().word();
        if (property.actual() == Actual.UNKNOWN) {
            return new VerdictCell("incomplete", "?", "incomplete", expected);
        }
        return Boolean.TRUE.equals(property.met())
                ? new VerdictCell("met", "\u2714", actual, expected)
                : new VerdictCell("unmet", "\u2718", actual, expected + " \u2014 NOT MET");
    }

    /** The cell's inner HTML for the verdict matrix: the mark and H, V or ? (the words are in its title). */
    String compactHtml() {
        String letter = switch (headline) {
            case "holds" -> "H";
            case "violated" -> "V";
            default -> "";
        };
        return (mark.isEmpty() ? "\u00b7" : mark) + (letter.isEmpty() ? "" : "&nbsp;" + letter);
    }

    /** The cell's inner HTML (text escaped). */
    String html() {
        String head = mark.isEmpty() ? Html.escape(headline) : mark + " " + Html.escape(headline);
        return head + "<br><small>" + Html.escape(detail) + "</small>";
    }
}
