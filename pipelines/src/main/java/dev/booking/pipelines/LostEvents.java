package dev.booking.pipelines;

/**
 * The marker the pipeline leaves (map {@value ViewMaps#HEALTH}, key {@value ViewMaps#LOST_EVENTS}) when the
 * journal of {@code booking.changes} overflowed before the pipeline read it: changes were skipped, so
 * the views may be behind until {@link Reconciliation#repair()} or {@link Reconciliation#rebuild()}.
 *
 * <p>{@code occurrences} counts the journal entries marked "after lost events" that the pipeline read; a
 * replay after a job restart may count one twice. The times are when the pipeline saw them.
 */
public record LostEvents(long occurrences, long firstSeenMillis, long lastSeenMillis) {

    public static LostEvents seenAt(long millis) {
        return new LostEvents(1, millis, millis);
    }

    public static LostEvents merge(LostEvents a, LostEvents b) {
        return new LostEvents(a.occurrences + b.occurrences, Math.min(a.firstSeenMillis, b.firstSeenMillis),
                Math.max(a.lastSeenMillis, b.lastSeenMillis));
    }
}
