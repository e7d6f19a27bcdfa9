package dev.booking.domain;

/** A reservation as the engine holds it: what was asked for and where it stands now. */
public record Reservation(EventId eventId, ReservationId id, CategoryId category, CustomerId customerId,
                          int quantity, Status status, RejectionReason reason) {
    public Reservation {
        if ((status == Status.REJECTED) != (reason != null)) {
            throw new IllegalArgumentException("a rejection, and only a rejection, has a reason");
        }
    }

    public boolean isConfirmed() {
        return status == Status.CONFIRMED;
    }

    /** Whether the seats were sold when the reservation was decided (it may have been cancelled since). */
    public boolean wasConfirmed() {
        return status == Status.CONFIRMED || status == Status.CANCELLED;
    }

    /** A request accepted for later decision, as the intake holds it. */
    public static Reservation pending(ReservationRequest r) {
        return new Reservation(r.eventId(), r.reservationId(), r.category(), r.customerId(), r.quantity(),
                Status.PENDING, null);
    }
}
