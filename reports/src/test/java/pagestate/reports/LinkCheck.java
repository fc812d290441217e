package pagestate.reports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Checks that every link of a page points at an existing local file (and anchor). */
final class LinkCheck {

    private LinkCheck() {
    }

    /** Returns the number of links checked. */
    static int assertLinksResolve(Path page, Document doc) throws Exception {
        int checked = 0;
        for (Element link : doc.select("a[href]")) {
            String href = link.attr("href");
            assertFalse(href.matches("(?i)^[a-z]+:.*"), "only relative links: " + href + " in " + page);
            String path = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
            String anchor = href.contains("#") ? href.substring(href.indexOf('#') + 1) : "";
            Path target = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
            assertTrue(Files.isRegularFile(target), href + " from " + page + " -> " + target);
            if (!anchor.isEmpty()) {
                Document other = path.isEmpty() ? doc : Jsoup.parse(target.toFile(), "UTF-8");
                assertNotNull(other.getElementById(anchor), "anchor #" + anchor + " in " + target);
            }
            checked++;
        }
        return checked;
    }
}
