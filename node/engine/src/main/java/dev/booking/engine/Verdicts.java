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
 *
 * <p>Encoded only when the answer is serialized (not on the partition thread, and not at all when the
 * caller is on the deciding member).
 */
public final class Verdicts {
    static final byte WHOLE = 0;
    static final byte CONFIRMED = 1;
    static final byte REJECTED = 2;
    private static final Status[] STATUSES = Status.values();
    private static final RejectionReason[] REASONS = RejectionReason.values();

    /** Where the decisions were made: the requests and their decisions, in order. */
    private final List<ReservationRequest> asked;
    private final List<Decision> made;
    /** As read off the wire. */
    private final Encoded read;

    /**
     * Per decision three codes (WHOLE, CONFIRMED or REJECTED; whether a replay; status and reason), and
     * the decision itself where its code is WHOLE.
     */
    record Encoded(byte[] codes, Decision[] whole) {
        Encoded {
            if (codes.length != whole.length * 3) {
                throw new IllegalArgumentException("malformed verdicts: " + codes.length + " codes for " + whole.length);
            }
        }
    }

    private Verdicts(List<ReservationRequest> asked, List<Decision> made, Encoded read) {
        this.asked = asked;
        this.made = made;
        this.read = read;
    }

    static Verdicts of(List<ReservationRequest> requests, List<Decision> decisions) {
        return new Verdicts(requests, decisions, null);
    }

    static Verdicts read(Encoded encoded) {
        return new Verdicts(null, null, encoded);
    }

    /** The form on the wire. */
    Encoded encoded() {
        if (read != null) {
            return read;
        }
        byte[] codes = new byte[made.size() * 3];
        Decision[] whole = new Decision[made.size()];
        for (int i = 0; i < made.size(); i++) {
            Decision decision = made.get(i);
            Reservation reservation = Refusals.decidedReservation(decision).orElse(null);
            if (reservation != null && asked(asked.get(i), reservation)) {
                codes[3 * i] = decision instanceof Decision.Confirmed ? CONFIRMED : REJECTED;
                codes[3 * i + 1] = (byte) (Refusals.newlyDecided(decision).isEmpty() ? 1 : 0);
                codes[3 * i + 2] = (byte) (reservation.status().ordinal() << 4
                        | (reservation.reason() == null ? 0xF : reservation.reason().ordinal()));
            } else {
                whole[i] = decision;
            }
        }
        return new Encoded(codes, whole);
    }

    public int size() {
        return made != null ? made.size() : read.whole().length;
    }

    /** The decision on the {@code i}-th request of the batch, which was {@code request}. */
    public Decision decision(int i, ReservationRequest request) {
        if (made != null) {
            return made.get(i);
        }
        byte[] codes = read.codes();
        byte kind = codes[3 * i];
        if (kind == WHOLE) {
            return read.whole()[i];
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

    private static boolean asked(ReservationRequest request, Reservation reservation) {
        return request.reservationId().equals(reservation.id()) && request.eventId().equals(reservation.eventId())
                && request.category().equals(reservation.category())
                && request.customerId().equals(reservation.customerId()) && request.quantity() == reservation.quantity();
    }
}
