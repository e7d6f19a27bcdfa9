package dev.booking.pipelines;

import com.hazelcast.jet.pipeline.JournalSourceEntry;
import com.hazelcast.jet.pipeline.SourceBuilder;
import com.hazelcast.jet.pipeline.StreamSource;
import dev.booking.domain.Change;

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
    private static final Map<String, List<JournalSourceEntry<String, Change>>> SCRIPTS = new ConcurrentHashMap<>();

    private ScriptedChanges() {
    }

    static StreamSource<JournalSourceEntry<String, Change>> of(List<JournalSourceEntry<String, Change>> entries) {
        String script = UUID.randomUUID().toString();
        SCRIPTS.put(script, List.copyOf(entries));
        return SourceBuilder.stream("scripted changes", context -> new Reader(SCRIPTS.get(script)))
                .<JournalSourceEntry<String, Change>>fillBufferFn((reader, buffer) -> {
                    for (int i = 0; i < 64 && reader.next < reader.entries.size(); i++) {
                        buffer.add(reader.entries.get(reader.next++));
                    }
                })
                .build();
    }

    static JournalSourceEntry<String, Change> entry(Change change) {
        return new Entry(change, false);
    }

    /** An entry as the journal source marks the first one it reads after an overflow. */
    static JournalSourceEntry<String, Change> afterLostEvents(Change change) {
        return new Entry(change, true);
    }

    private static final class Reader {
        final List<JournalSourceEntry<String, Change>> entries;
        int next;

        Reader(List<JournalSourceEntry<String, Change>> entries) {
            this.entries = entries;
        }
    }

    private record Entry(Change change, boolean lostBefore) implements JournalSourceEntry<String, Change> {
        @Override
        public String getKey() {
            return change.key();
        }

        @Override
        public Change getValue() {
            return change;
        }

        @Override
        public Change setValue(Change value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isAfterLostEvents() {
            return lostBefore;
        }
    }
}
