package dev.booking.domain;

import java.time.Instant;
import java.util.List;

/** Fixtures: a concert with a floor and a balcony, and requests for it. */
public final class Sales {
    public static final EventId CONCERT = EventId.of("concert-2026-12-31");

    private Sales() {
    }

    public static EventDefinition concert(int floor, int balcony) {
        return new EventDefinition(CONCERT, "New Year's Eve", Instant.parse("2026-12-31T20:00:00Z"),
                List.of(new CategoryDefinition(CategoryId.of("floor"), floor),
                        new CategoryDefinition(CategoryId.of("balcony"), balcony)));
    }

    public static ReservationRequest request(String reservationId, String category, int quantity) {
        return request(reservationId, category, "customer-1", quantity);
    }

    public static ReservationRequest request(String reservationId, String category, String customer, int quantity) {
        return new ReservationRequest(CONCERT, ReservationId.of(reservationId), CategoryId.of(category),
                CustomerId.of(customer), quantity);
    }
}
