package dev.booking.web;

import dev.booking.domain.Cancellation;
import dev.booking.domain.Decision;
import dev.booking.domain.EventId;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.engine.BoxOffice;
import io.javalin.http.Context;

/** Reserving, reading and cancelling reservations. */
final class ReservationHandlers {
    static final String REPLAYED = "Idempotent-Replayed";
    private final BoxOffice boxOffice;

    ReservationHandlers(BoxOffice boxOffice) {
        this.boxOffice = boxOffice;
    }

    void reserve(Context ctx) {
        EventId eventId = EventHandlers.eventId(ctx);
        ReservationRequest request = Json.read(ctx.bodyAsBytes(), ReservationBody.class).toRequest(eventId);
        Respond.later(ctx, boxOffice.reserve(request), ReservationHandlers::answer);
    }

    private static void answer(Context ctx, Decision decision) {
        if (decision instanceof Decision.Confirmed confirmed) {
            decided(ctx, 201, confirmed.reservation(), confirmed.replay());
        } else if (decision instanceof Decision.Rejected rejected) {
            decided(ctx, 409, rejected.reservation(), rejected.replay());
        } else if (decision instanceof Decision.Conflict conflict) {
            Respond.problem(ctx, conflict(conflict.existing()));
        } else if (decision instanceof Decision.Refused refused) {
            Respond.problem(ctx, refusal(refused));
        }
    }

    private static Problem refusal(Decision.Refused refused) {
        return switch (refused.refusal()) {
            case EVENT_NOT_FOUND -> Problem.of(404, "event_not_found", refused.detail());
            case UNKNOWN_CATEGORY -> Problem.of(422, "unknown_category", refused.detail(), "category");
            case QUANTITY_ABOVE_LIMIT -> Problem.of(400, "quantity_out_of_range", refused.detail(), "quantity");
        };
    }

    private static void decided(Context ctx, int status, Reservation reservation, boolean replay) {
        ctx.header("Location", location(reservation));
        if (replay) {
            ctx.header(REPLAYED, "true");
        }
        Respond.json(ctx, status, ReservationView.of(reservation));
    }

    void show(Context ctx) {
        EventId eventId = EventHandlers.eventId(ctx);
        ReservationId id = reservationId(ctx);
        Respond.later(ctx, boxOffice.reservation(eventId, id), (c, found) -> found.ifPresentOrElse(
                r -> Respond.json(c, 200, ReservationView.of(r)),
                () -> Respond.problem(c, reservationNotFound(eventId, id))));
    }

    void cancel(Context ctx) {
        EventId eventId = EventHandlers.eventId(ctx);
        ReservationId id = reservationId(ctx);
        Respond.later(ctx, boxOffice.cancel(eventId, id), (c, cancellation) -> {
            if (cancellation instanceof Cancellation.Cancelled cancelled) {
                if (cancelled.replay()) {
                    c.header(REPLAYED, "true");
                }
                Respond.json(c, 200, ReservationView.of(cancelled.reservation()));
            } else if (cancellation instanceof Cancellation.NotCancellable rejected) {
                Respond.problem(c, Problem.of(409, "not_cancellable", "reservation '" + id + "' was rejected ("
                        + rejected.reservation().reason() + "); it holds no seats to cancel"));
            } else {
                Respond.problem(c, reservationNotFound(eventId, id));
            }
        });
    }

    private static ReservationId reservationId(Context ctx) {
        return Edge.id("reservationId", ctx.pathParam("reservationId"), ReservationId::new);
    }

    private static Problem conflict(Reservation existing) {
        return Problem.of(422, "idempotency_conflict", "reservationId '" + existing.id() + "' is already used for "
                + existing.quantity() + " seat(s) of category '" + existing.category() + "' for customer '"
                + existing.customerId() + "'; a retry must repeat the same request, a new request needs a new id",
                "reservationId");
    }

    private static Problem reservationNotFound(EventId eventId, ReservationId id) {
        return Problem.of(404, "reservation_not_found",
                "event '" + eventId + "' has no reservation '" + id + "' (or the event does not exist)");
    }

    static String location(Reservation r) {
        return "/events/" + r.eventId() + "/reservations/" + r.id();
    }
}
