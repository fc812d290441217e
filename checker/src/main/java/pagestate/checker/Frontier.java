package pagestate.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One BFS level's states as encoded words, in pages of a fixed number of states ({@code long[]}s,
 * no object per state), that are allocated as the level grows (never copied) and may be spilled to a
 * file of the run's {@link SpillFolder} when the heap is short: a full page is written once and read
 * back once, when its states are expanded. Positions are a state's place in its level.
 *
 * <p>Threading: {@link #words}/{@link #offset} may be used concurrently for distinct positions once
 * the pages are resident ({@link #reserveTasks} for writing, {@link #load} for reading); every other
 * method runs alone.
 */
final class Frontier {

    private final int shift;
    private final int mask;
    private final int width;
    private final SpillFolder folder;
    /** Page p's words, or null when it is on file (see {@link #filed}) or released. */
    private long[][] pages = new long[8][];
    /** Page p is on file at offset {@code p * pageBytes}; -1 when not. */
    private boolean[] filed = new boolean[8];
    private int pageCount;
    private int count;
    private FileChannel file;
    private ByteBuffer buffer;
    /** Pages written to file during the run, for the figures. */
    private long spilledPages;

    /**
     * A page holds at most {@code 2^21} words (16 MiB): a wide state gets fewer states a page, so that
     * the first page, allocated for the initial states, stays small (a spec with 30,000 readers has states
     * of 2,814 words: 2^14 of them would be 369 MB).
     */
    static final int MAX_PAGE_WORDS_SHIFT = 21;

    /**
     * A frontier of states of {@code width} words, in pages of {@code 2^pageShift} states (fewer for
     * states over 128 words, see {@link #MAX_PAGE_WORDS_SHIFT}).
     */
    Frontier(int width, int pageShift, SpillFolder folder) {
        this.width = width;
        int widthShift = 32 - Integer.numberOfLeadingZeros(Math.max(1, width) - 1);   // ceil(log2(width))
        this.shift = Math.max(0, Math.min(pageShift, MAX_PAGE_WORDS_SHIFT - widthShift));
        this.mask = (1 << shift) - 1;
        this.folder = folder;
    }

    /** States per page. */
    int pageStates() {
        return 1 << shift;
    }

    /** The number of states. */
    int count() {
        return count;
    }

    /** Empties the frontier (its file too), for a new level. */
    void reset() {
        Arrays.fill(pages, null);
        Arrays.fill(filed, false);
        pageCount = 0;
        count = 0;
        if (file != null) {
            try {
                file.truncate(0);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot truncate the frontier's spill file", e);
            }
        }
    }

    /**
     * Makes room for positions below {@code total} (pages are allocated, resident); returns the page
     * allocations, which may run on any threads, each once, and must all have run before they are written.
     */
    List<Runnable> reserveTasks(long total) {
        if (total > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("level over 2^31 states");
        int need = (int) ((total + mask) >>> shift);
        if (need > pages.length) {
            int len = Math.max(need, pages.length * 2);
            pages = Arrays.copyOf(pages, len);
            filed = Arrays.copyOf(filed, len);
        }
        List<Runnable> tasks = new ArrayList<>();
        long[][] p = pages;
        int words = pageStates() * width;
        for (int k = pageCount; k < need; k++) {
            int page = k;
            tasks.add(() -> p[page] = new long[words]);
        }
        pageCount = Math.max(pageCount, need);
        return tasks;
    }

    /** The bytes {@link #reserveTasks}{@code (total)} would allocate. */
    long growthBytes(long total) {
        long need = (total + mask) >>> shift;
        return Math.max(0, need - pageCount) * 8L * pageStates() * width;
    }

    /** Reserves room for {@code total} positions on this thread. */
    void reserve(long total) {
        for (Runnable r : reserveTasks(total)) r.run();
    }

    /** Sets the number of states (positions below it are written). */
    void setCount(int count) {
        this.count = count;
    }

    /** The page holding position {@code i} (resident): its words are at {@link #offset}. */
    long[] words(int i) {
        return pages[i >>> shift];
    }

    int offset(int i) {
        return (i & mask) * width;
    }

    /** Makes the pages of positions {@code [from, to)} resident, reading spilled ones back. */
    void load(int from, int to) {
        if (from >= to) return;
        for (int p = from >>> shift; p <= (to - 1) >>> shift; p++) {
            if (pages[p] == null && filed[p]) pages[p] = read(p);
        }
    }

    /** Drops the pages wholly below position {@code before} (expanded; not read again). */
    void release(int before) {
        for (int p = 0; p < before >>> shift; p++) pages[p] = null;
    }

    /**
     * Writes the resident full pages from position {@code from} on (a page partly filled, where the
     * next states go, stays) to the spill file and drops them; returns the bytes freed.
     */
    long spill(int from) {
        long freed = 0;
        for (int p = from >>> shift; p < count >>> shift; p++) {
            if ((p << shift) < from || pages[p] == null) continue;
            if (!filed[p]) write(p, pages[p]);
            pages[p] = null;
            freed += 8L * pageStates() * width;
        }
        return freed;
    }

    /** Bytes of the resident pages and the spill buffer. */
    long residentBytes() {
        long bytes = 8L * pages.length + pages.length + (buffer != null ? buffer.capacity() : 0);
        for (int p = 0; p < pageCount; p++) {
            if (pages[p] != null) bytes += 8L * pages[p].length;
        }
        return bytes;
    }

    long spilledPages() {
        return spilledPages;
    }

    private long pageBytes() {
        return 8L * pageStates() * width;
    }

    private void write(int p, long[] words) {
        try {
            FileChannel f = channel();
            buffer.clear();
            buffer.asLongBuffer().put(words);
            buffer.limit((int) pageBytes());
            long at = p * pageBytes();
            while (buffer.hasRemaining()) at += f.write(buffer, at);
            filed[p] = true;
            spilledPages++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the frontier's spill file in " + folder.path(), e);
        }
    }

    private long[] read(int p) {
        try {
            FileChannel f = channel();
            buffer.clear();
            buffer.limit((int) pageBytes());
            long at = p * pageBytes();
            while (buffer.hasRemaining()) {
                int n = f.read(buffer, at);
                if (n < 0) throw new IOException("spill file ends early");
                at += n;
            }
            buffer.flip();
            long[] words = new long[pageStates() * width];
            buffer.asLongBuffer().get(words);
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the frontier's spill file in " + folder.path(), e);
        }
    }

    private FileChannel channel() throws IOException {
        if (file == null) {
            Path path = folder.newFile("frontier");
            file = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            buffer = ByteBuffer.allocateDirect((int) pageBytes()).order(ByteOrder.nativeOrder());
        }
        return file;
    }

    /** Closes (and so deletes) the spill file. */
    void close() {
        pages = new long[0][];
        filed = new boolean[0];
        pageCount = 0;
        count = 0;
        if (file == null) return;
        try {
            file.close();
        } catch (IOException e) {
            // the folder is deleted at the end of the run anyway
        }
        file = null;
        buffer = null;
    }
}
