package dev.booking.web;

import dev.booking.domain.Cancellation;
import dev.booking.domain.Decision;
import dev.booking.domain.EventId;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.domain.Status;
import dev.booking.engine.BoxOffice;
import dev.booking.engine.Intake;
import dev.booking.engine.ReservationLookup;
import io.javalin.http.Context;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Reserving, reading and cancelling reservations. */
final class ReservationHandlers {
    static final String REPLAYED = "Idempotent-Replayed";
    private final BoxOffice boxOffice;
    private final Intake intake;
    private final ReservationLookup lookup;

    ReservationHandlers(BoxOffice boxOffice, Intake intake) {
        this.boxOffice = boxOffice;
        this.intake = intake;
        this.lookup = new ReservationLookup(boxOffice, intake);
    }

    /**
     * Without a preference the call waits for the decision. With {@code Prefer: respond-async} it answers
     * 202 once the request is durably accepted; with {@code wait=N} it is accepted durably, decided at
     * once, and answers 202 only if the decision takes longer than N seconds.
     */
    void reserve(Context ctx) {
        EventId eventId = EventHandlers.eventId(ctx);
        ReservationRequest request = Json.read(ctx.bodyAsBytes(), ReservationBody.class).toRequest(eventId);
        Preference preference = Preference.parse(ctx.header("Prefer"));
        if (!preference.durable()) {
            Respond.later(ctx, boxOffice.reserve(request), ReservationHandlers::answer);
            return;
        }
        CompletableFuture<Decision> answer = intake.acceptSaying(request).thenCompose(acceptance -> {
            Decision accepted = acceptance.decision();
            if (!(accepted instanceof Decision.Pending) || preference.waitAtMost().isEmpty()) {
                return CompletableFuture.completedFuture(accepted);
            }
            // the call that queued the request gives the first answer; a call that found it waiting is a retry
            return boxOffice.decideAccepted(request).thenApply(decision -> decision.asReplay(!acceptance.queuedNow()))
                    .completeOnTimeout(accepted, preference.waitAtMost().get().toMillis(), TimeUnit.MILLISECONDS);
        });
        Respond.later(ctx, answer, ReservationHandlers::answer);
    }

    private static void answer(Context ctx, Decision decision) {
        if (decision instanceof Decision.Confirmed confirmed) {
            decided(ctx, 201, confirmed.reservation(), confirmed.replay());
        } else if (decision instanceof Decision.Rejected rejected) {
            decided(ctx, 409, rejected.reservation(), rejected.replay());
        } else if (decision instanceof Decision.Pending pending) {
            ctx.header("Preference-Applied", "respond-async");
            decided(ctx, 202, pending.reservation(), false);
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
        Respond.later(ctx, lookup.find(eventId, id), (c, reservation) -> reservation.ifPresentOrElse(
                r -> Respond.json(c, 200, ReservationView.of(r)),
                () -> Respond.problem(c, reservationNotFound(eventId, id))));
    }

    void cancel(Context ctx) {
        EventId eventId = EventHandlers.eventId(ctx);
        ReservationId id = reservationId(ctx);
        // A reservation still waiting in the intake is not decided yet, so it cannot be cancelled yet.
        CompletableFuture<Cancellation> cancellation = boxOffice.cancel(eventId, id).thenCompose(answer ->
                !(answer instanceof Cancellation.NotFound) ? CompletableFuture.completedFuture(answer)
                        : intake.waiting(eventId, id).thenApply(waiting -> waiting
                        .<Cancellation>map(Cancellation.NotCancellable::new).orElse(answer)));
        Respond.later(ctx, cancellation, (c, answer) -> {
            if (answer instanceof Cancellation.Cancelled cancelled) {
                if (cancelled.replay()) {
                    c.header(REPLAYED, "true");
                }
                Respond.json(c, 200, ReservationView.of(cancelled.reservation()));
            } else if (answer instanceof Cancellation.NotCancellable refused) {
                Respond.problem(c, Problem.of(409, "not_cancellable", notCancellable(refused.reservation())));
            } else {
                Respond.problem(c, reservationNotFound(eventId, id));
            }
        });
    }

    private static String notCancellable(Reservation reservation) {
        return reservation.status() == Status.PENDING
                ? "reservation '" + reservation.id() + "' is still PENDING; cancel it once it is decided"
                : "reservation '" + reservation.id() + "' was rejected (" + reservation.reason()
                + "); it holds no seats to cancel";
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
