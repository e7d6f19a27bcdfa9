package dev.booking.web;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The rendered answers of the read every buyer repeats during an on-sale ({@code GET /events/{id}}),
 * kept for a short time: within it, a node answers with the text it rendered last instead of reading
 * the view and rendering it again. The view is eventually consistent anyway (it trails the decisions by
 * tens of milliseconds) and every answer carries its {@code asOf} and {@code sequence}, so keeping an
 * answer for, say, 100 ms adds at most that much to how stale it may be, and says so.
 *
 * <p>Only answers that were found are kept (an event defined a moment ago is not "not found" for the
 * next 100 ms). At most {@value #MOST} answers are kept; the one past that drops them all, to be
 * rendered again as they are asked for. A keep of zero turns it off.
 */
final class RecentReads {
    /** What a node keeps unless {@code BOOKING_EVENT_PAGE_MILLIS} says otherwise. */
    static final Duration DEFAULT_KEEP = Duration.ofMillis(100);
    private static final int MOST = 10_000;

    private final long keepNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Rendered> answers = new ConcurrentHashMap<>();

    RecentReads(Duration keep) {
        this(keep, System::nanoTime);
    }

    RecentReads(Duration keep, LongSupplier nanoClock) {
        if (keep.isNegative()) {
            throw new IllegalArgumentException("a negative keep: " + keep);
        }
        this.keepNanos = keep.toNanos();
        this.nanoClock = nanoClock;
    }

    /** The answer rendered for {@code key} within the keep, else a fresh one ({@code null}: not found, not kept). */
    String answer(String key, Supplier<String> render) {
        if (keepNanos == 0) {
            return render.get();
        }
        long now = nanoClock.getAsLong();
        Rendered kept = answers.get(key);
        if (kept != null && now - kept.at < keepNanos) {
            return kept.body;
        }
        String body = render.get();
        if (body != null) {
            if (answers.size() >= MOST) {
                answers.clear();
            }
            answers.put(key, new Rendered(body, now));
        }
        return body;
    }

    private record Rendered(String body, long at) {
    }
}
