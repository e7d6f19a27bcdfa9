package dev.booking.domain;

/** The answer to a request to cancel a reservation. Cancelling twice gives the same answer twice. */
public sealed interface Cancellation {

    /** The seats went back to the category (or already had, when {@code replay} is true). */
    record Cancelled(Reservation reservation, boolean replay) implements Cancellation {
    }

    /** A rejected reservation holds no seats, so there is nothing to cancel. */
    record NotCancellable(Reservation reservation) implements Cancellation {
    }

    /** No such event, or no reservation with that id in it. */
    record NotFound() implements Cancellation {
    }
}
