package dev.booking.engine;

import dev.booking.domain.Decision;
import dev.booking.domain.RejectionReason;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationRequest;
import dev.booking.domain.Status;

import java.util.ArrayList;
import java.util.List;

/**
 * The decisions of a {@link ReserveSeats} batch, in the order of its requests, in the form they travel
 * back to the caller: a decision about exactly what its request asked for (nearly all of them) travels
 * as three bytes, since the caller still holds the request; any other (a conflict, a refusal) travels
 * whole. Saves the caller from reading every id of the batch back off the wire.
 */
public final class Verdicts {
    static final byte WHOLE = 0;
    static final byte CONFIRMED = 1;
    static final byte REJECTED = 2;
    private static final Status[] STATUSES = Status.values();
    private static final RejectionReason[] REASONS = RejectionReason.values();

    /** Per decision: WHOLE, CONFIRMED or REJECTED; then whether a replay, the status and the reason. */
    private final byte[] codes;
    private final Decision[] whole;
    /** The decisions as made, where they were made (a caller on the same member reads these). */
    private final List<Decision> made;

    private Verdicts(byte[] codes, Decision[] whole, List<Decision> made) {
        this.codes = codes;
        this.whole = whole;
        this.made = made;
    }

    static Verdicts of(List<ReservationRequest> requests, List<Decision> decisions) {
        byte[] codes = new byte[decisions.size() * 3];
        Decision[] whole = new Decision[decisions.size()];
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            Reservation reservation = decidedReservation(decision);
            if (reservation != null && asked(requests.get(i), reservation)) {
                codes[3 * i] = decision instanceof Decision.Confirmed ? CONFIRMED : REJECTED;
                codes[3 * i + 1] = (byte) (isReplay(decision) ? 1 : 0);
                codes[3 * i + 2] = (byte) (reservation.status().ordinal() << 4
                        | (reservation.reason() == null ? 0xF : reservation.reason().ordinal()));
            } else {
                whole[i] = decision;
            }
        }
        return new Verdicts(codes, whole, decisions);
    }

    /** As read off the wire. */
    static Verdicts read(byte[] codes, Decision[] whole) {
        if (codes.length != whole.length * 3) {
            throw new IllegalArgumentException("malformed verdicts: " + codes.length + " codes for " + whole.length);
        }
        return new Verdicts(codes, whole, null);
    }

    byte[] codes() {
        return codes;
    }

    Decision[] whole() {
        return whole;
    }

    public int size() {
        return whole.length;
    }

    /** The decision on the {@code i}-th request of the batch, which was {@code request}. */
    public Decision decision(int i, ReservationRequest request) {
        if (made != null) {
            return made.get(i);
        }
        byte kind = codes[3 * i];
        if (kind == WHOLE) {
            return whole[i];
        }
        boolean replay = codes[3 * i + 1] != 0;
        int statusAndReason = codes[3 * i + 2] & 0xFF;
        int reason = statusAndReason & 0xF;
        Reservation reservation = new Reservation(request.eventId(), request.reservationId(), request.category(),
                request.customerId(), request.quantity(), STATUSES[statusAndReason >>> 4],
                reason == 0xF ? null : REASONS[reason]);
        return kind == CONFIRMED ? new Decision.Confirmed(reservation, replay) : new Decision.Rejected(reservation, replay);
    }

    /** Every decision, given the requests of the batch in order. */
    public List<Decision> decisions(List<ReservationRequest> requests) {
        List<Decision> decisions = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            decisions.add(decision(i, requests.get(i)));
        }
        return decisions;
    }

    private static Reservation decidedReservation(Decision decision) {
        if (decision instanceof Decision.Confirmed confirmed) {
            return confirmed.reservation();
        }
        if (decision instanceof Decision.Rejected rejected) {
            return rejected.reservation();
        }
        return null;
    }

    private static boolean isReplay(Decision decision) {
        return decision instanceof Decision.Confirmed c ? c.replay() : ((Decision.Rejected) decision).replay();
    }

    private static boolean asked(ReservationRequest request, Reservation reservation) {
        return request.reservationId().equals(reservation.id()) && request.eventId().equals(reservation.eventId())
                && request.category().equals(reservation.category())
                && request.customerId().equals(reservation.customerId()) && request.quantity() == reservation.quantity();
    }
}
