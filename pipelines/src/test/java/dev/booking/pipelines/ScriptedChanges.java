package dev.booking.pipelines;

import com.hazelcast.jet.pipeline.JournalSourceEntry;
import com.hazelcast.jet.pipeline.SourceBuilder;
import com.hazelcast.jet.pipeline.StreamSource;
import dev.booking.domain.Change;
import dev.booking.engine.ChangeBatch;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stream source that emits a given list of journal entries once, then stays open as the journal does.
 * The members of a mock cluster live in the test's JVM, so the source finds its script by name in a
 * static registry instead of carrying the (not Java-serializable) changes in the job.
 */
final class ScriptedChanges {
    private static final Map<String, List<JournalSourceEntry<String, ChangeBatch>>> SCRIPTS = new ConcurrentHashMap<>();

    private ScriptedChanges() {
    }

    static StreamSource<JournalSourceEntry<String, ChangeBatch>> of(List<JournalSourceEntry<String, ChangeBatch>> entries) {
        return paced(entries, Integer.MAX_VALUE);
    }

    /** As {@link #of}, at most {@code perSecond} entries a second, as a sale spreads its rounds over time. */
    static StreamSource<JournalSourceEntry<String, ChangeBatch>> paced(List<JournalSourceEntry<String, ChangeBatch>> entries,
                                                                      int perSecond) {
        String script = UUID.randomUUID().toString();
        SCRIPTS.put(script, List.copyOf(entries));
        return SourceBuilder.stream("scripted changes", context -> new Reader(SCRIPTS.get(script)))
                .<JournalSourceEntry<String, ChangeBatch>>fillBufferFn((reader, buffer) -> {
                    long due = perSecond == Integer.MAX_VALUE ? Long.MAX_VALUE
                            : (System.nanoTime() - reader.startNanos) / 1_000_000L * perSecond / 1_000L + 1;
                    for (int i = 0; i < 64 && reader.next < reader.entries.size() && reader.next < due; i++) {
                        buffer.add(reader.entries.get(reader.next++));
                    }
                })
                .build();
    }

    static JournalSourceEntry<String, ChangeBatch> entry(Change change) {
        return entry(List.of(change));
    }

    /** Changes published together, as one member's outbox publishes a round. */
    static JournalSourceEntry<String, ChangeBatch> entry(List<Change> changes) {
        return new Entry(new ChangeBatch(changes), false);
    }

    /** An entry as the journal source marks the first one it reads after an overflow. */
    static JournalSourceEntry<String, ChangeBatch> afterLostEvents(Change change) {
        return new Entry(new ChangeBatch(List.of(change)), true);
    }

    private static final class Reader {
        final List<JournalSourceEntry<String, ChangeBatch>> entries;
        final long startNanos = System.nanoTime();
        int next;

        Reader(List<JournalSourceEntry<String, ChangeBatch>> entries) {
            this.entries = entries;
        }
    }

    private record Entry(ChangeBatch batch, boolean lostBefore) implements JournalSourceEntry<String, ChangeBatch> {
        @Override
        public String getKey() {
            return "scripted#" + System.identityHashCode(batch);
        }

        @Override
        public ChangeBatch getValue() {
            return batch;
        }

        @Override
        public ChangeBatch setValue(ChangeBatch value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isAfterLostEvents() {
            return lostBefore;
        }
    }
}
