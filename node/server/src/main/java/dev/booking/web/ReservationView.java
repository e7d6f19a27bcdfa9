package dev.booking.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.booking.domain.Reservation;

/** A reservation as the API shows it; {@code reason} only on a rejection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReservationView(String reservationId, String eventId, String category, String customerId, int quantity,
                       String status, String reason) {

    static ReservationView of(Reservation r) {
        return new ReservationView(r.id().value(), r.eventId().value(), r.category().value(), r.customerId().value(),
                r.quantity(), r.status().name(), r.reason() == null ? null : r.reason().name());
    }
}
