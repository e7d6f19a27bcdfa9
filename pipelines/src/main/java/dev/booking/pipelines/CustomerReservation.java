package dev.booking.pipelines;

import dev.booking.domain.CategoryId;
import dev.booking.domain.EventId;
import dev.booking.domain.RejectionReason;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;
import dev.booking.domain.Status;

import java.util.Comparator;
import java.util.Objects;

/**
 * One reservation in a customer's list, at the most advanced status seen; {@code atMillis} is when the
 * change that brought it there was (first) published.
 */
public record CustomerReservation(EventId eventId, ReservationId reservationId, CategoryId category, int quantity,
                                  Status status, RejectionReason reason, long atMillis) {

    /** The order of a customer's list: by event, then by reservation id. */
    public static final Comparator<CustomerReservation> ORDER = (a, b) -> {
        int byEvent = a.eventId == b.eventId ? 0 : a.eventId.value().compareTo(b.eventId.value());
        return byEvent != 0 ? byEvent : a.reservationId.value().compareTo(b.reservationId.value());
    };

    public static CustomerReservation of(Reservation reservation, long atMillis) {
        return of(reservation.eventId(), reservation, atMillis);
    }

    /** The line of a reservation of the given event, holding that very {@code EventId}. */
    static CustomerReservation of(EventId event, Reservation reservation, long atMillis) {
        return new CustomerReservation(event, reservation.id(), reservation.category(),
                reservation.quantity(), reservation.status(), reservation.reason(), atMillis);
    }

    /** Whether this line says what the ledger says about the reservation (the time aside). */
    public boolean matches(Reservation reservation) {
        return eventId.equals(reservation.eventId()) && reservationId.equals(reservation.id())
                && category.equals(reservation.category()) && quantity == reservation.quantity()
                && status == reservation.status() && Objects.equals(reason, reservation.reason());
    }

    /**
     * Of two lines of the same reservation, the more advanced one. A status only moves forward, so the
     * higher rank is the newer; at the same status the earlier publication is kept. Two different
     * statuses of the same rank cannot happen (a reservation is decided once); they are still ordered, so
     * that the merge stays commutative whatever it is given.
     */
    static CustomerReservation moreAdvanced(CustomerReservation a, CustomerReservation b) {
        return isMoreAdvanced(b.status, b.atMillis, a.status, a.atMillis) ? b : a;
    }

    /** Whether a line at {@code status} published at {@code atMillis} replaces one at the other status and time. */
    static boolean isMoreAdvanced(Status status, long atMillis, Status than, long thanAtMillis) {
        int byRank = Integer.compare(status.rank(), than.rank());
        if (byRank != 0) {
            return byRank > 0;
        }
        if (status != than) {
            return status.ordinal() < than.ordinal();
        }
        return atMillis < thanAtMillis;
    }
}
