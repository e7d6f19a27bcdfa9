package dev.booking.pipelines;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.EventId;

import java.util.Map;

/** Reads one event's value out of its bucket of the events or figures view on the bucket's owner: only that value travels. */
public final class ReadEventView implements EntryProcessor<String, EventViewBucket, EventViewValue>, ReadOnly {
    private final EventId event;

    public ReadEventView(EventId event) {
        this.event = event;
    }

    EventId event() {
        return event;
    }

    @Override
    public EventViewValue process(Map.Entry<String, EventViewBucket> entry) {
        EventViewBucket bucket = entry.getValue();
        return bucket == null ? null : bucket.view(event).orElse(null);
    }

    @Override
    public EntryProcessor<String, EventViewBucket, EventViewValue> getBackupProcessor() {
        return null;
    }
}
