package dev.booking.web;

import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.EventId;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;

/** The body of {@code POST /events/{eventId}/reservations}. */
record ReservationBody(String reservationId, String category, String customerId, Integer quantity) {

    ReservationRequest toRequest(EventId eventId) {
        Edge.require("reservationId", reservationId);
        Edge.require("category", category);
        Edge.require("customerId", customerId);
        Edge.require("quantity", quantity);
        if (quantity < 1 || quantity > ReservationRequest.MAX_QUANTITY) {
            throw ProblemException.badRequest("quantity_out_of_range",
                    "quantity must be between 1 and the event's maxPerReservation (asked: " + quantity + ")", "quantity");
        }
        return new ReservationRequest(eventId, Edge.id("reservationId", reservationId, ReservationId::new),
                Edge.id("category", category, CategoryId::new), Edge.id("customerId", customerId, CustomerId::new),
                quantity);
    }
}
