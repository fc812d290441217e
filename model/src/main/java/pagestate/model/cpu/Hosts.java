package pagestate.model.cpu;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The host's accesses to guest pages ({@link HostActor}): it can touch a page only while the platform's
 * view of it is shared, since the host cannot map private memory (docs/model.md section 10.5). A read of
 * the guest's secret is {@link Cause#SECRET_TO_HOST}; a write leaves host data in the page.
 */
final class Hosts {

    private final List<HostActor> hosts;
    private final List<String> actorNames;
    private final int firstActor;

    /** @param firstActor the actor index of the first host (after the converters and the readers) */
    Hosts(Scenario scenario, List<String> actorNames, int firstActor) {
        this.hosts = scenario.hosts();
        this.actorNames = actorNames;
        this.firstActor = firstActor;
    }

    /** Every enabled host access of {@code s}, host by host, a read before a write. */
    void successors(PageState s, BiConsumer<PageAction, PageState> sink) {
        for (int i = 0; i < hosts.size(); i++) successors(s, i, sink);
    }

    private void successors(PageState s, int i, BiConsumer<PageAction, PageState> sink) {
        HostActor h = hosts.get(i);
        int actor = firstActor + i;
        if (!s.hv(h.page()).isShared()) return;
        if (h.reads() && s.contents(h.page()) == Content.SECRET && !s.happened(Cause.SECRET_TO_HOST)) {
            PageState next = s.edit().happen(Cause.SECRET_TO_HOST).done();
            sink.accept(new PageAction(actor, actorNames.get(actor), "host", ActionKinds.HOST_READ, () -> "host reads page " + h.page(),
                    Cause.SECRET_TO_HOST), next);
        }
        if (h.writes() && s.contents(h.page()) != Content.HOST_DATA) {
            PageState next = s.edit().contents(h.page(), Content.HOST_DATA).done();
            sink.accept(new PageAction(actor, actorNames.get(actor), "host", ActionKinds.HOST_WRITE,
                    () -> "host writes page " + h.page(), Cause.OK), next);
        }
    }
}
