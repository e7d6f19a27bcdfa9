package dev.booking.engine;

import com.hazelcast.map.EntryProcessor;
import dev.booking.domain.ReservationRequest;

import java.util.Map;

/** Stores a request in the intake unless one is already waiting under its key; returns the earlier one. */
public final class EnqueueRequest implements EntryProcessor<String, ReservationRequest, ReservationRequest> {
    private final ReservationRequest request;

    public EnqueueRequest(ReservationRequest request) {
        this.request = request;
    }

    ReservationRequest request() {
        return request;
    }

    @Override
    public ReservationRequest process(Map.Entry<String, ReservationRequest> entry) {
        ReservationRequest earlier = entry.getValue();
        if (earlier == null) {
            entry.setValue(request);
        }
        return earlier;
    }
}
