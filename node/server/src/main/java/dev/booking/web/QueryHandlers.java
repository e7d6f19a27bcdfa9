package dev.booking.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.booking.domain.CustomerId;
import dev.booking.domain.EventId;
import dev.booking.pipelines.AvailabilityView;
import dev.booking.pipelines.CustomerReservation;
import dev.booking.pipelines.CustomerReservations;
import dev.booking.pipelines.QueryViews;
import dev.booking.pipelines.SalesFigures;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.List;

/**
 * The query side: reads only the views the pipelines maintain, never the capacity entries. Every answer
 * says how fresh it is: {@code asOf} is the time of the newest change the view includes.
 */
final class QueryHandlers {
    private final QueryViews views;
    private final RecentReads recentEvents;

    QueryHandlers(QueryViews views, RecentReads recentEvents) {
        this.views = views;
        this.recentEvents = recentEvents;
    }

    void events(Context ctx) {
        Respond.json(ctx, 200, views.events().stream().map(QueryHandlers::eventView).toList());
    }

    /** The page every buyer refreshes: answered from {@link RecentReads} within its keep. */
    void event(Context ctx) {
        EventId id = EventHandlers.eventId(ctx);
        String body = recentEvents.answer(id.value(), () -> views.event(id).map(view -> Json.write(eventView(view))).orElse(null));
        if (body == null) {
            Respond.problem(ctx, EventHandlers.eventNotFound(id));
        } else {
            Respond.rendered(ctx, 200, body);
        }
    }

    void customer(Context ctx) {
        CustomerId id = Edge.id("customerId", ctx.pathParam("customerId"), CustomerId::new);
        // The mark first: a list read after its mark was removed is whole. (The marks may be a read of up
        // to QueryViews.MARKS_REUSED_FOR ago: a mark that new is not shown yet.)
        Instant rebuildingSince = views.rebuildingLists().flatMap(rebuilding -> rebuilding.since(id))
                .map(QueryHandlers::instant).orElse(null);
        var list = views.customer(id);
        List<CustomerReservation> reservations = list.map(CustomerReservations::reservations).orElse(List.of());
        long asOf = list.map(CustomerReservations::asOfMillis).orElse(0L);
        Respond.json(ctx, 200, new CustomerView(id.value(), reservations.stream().map(CustomerLine::of).toList(),
                instant(asOf), rebuildingSince == null, rebuildingSince));
    }

    void stats(Context ctx) {
        EventId id = EventHandlers.eventId(ctx);
        views.figures(id).ifPresentOrElse(figures -> Respond.json(ctx, 200, StatsView.of(figures)),
                () -> Respond.problem(ctx, EventHandlers.eventNotFound(id)));
    }

    private static EventView eventView(AvailabilityView view) {
        return EventView.of(view.availability()).freshness(instant(view.asOfMillis()), view.sequence());
    }

    static Instant instant(long millis) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis);
    }

    /**
     * @param complete        false while the list is being rebuilt after a member crash ({@code rebuildingSince}):
     *                        reservations may be missing from it for seconds; eventual lag aside, true otherwise
     * @param rebuildingSince when the list's bucket was lost, while it is being rebuilt
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CustomerView(String customerId, List<CustomerLine> reservations, Instant asOf, boolean complete,
                        Instant rebuildingSince) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CustomerLine(String eventId, String reservationId, String category, int quantity, String status,
                        String reason, Instant at) {
        static CustomerLine of(CustomerReservation r) {
            return new CustomerLine(r.eventId().value(), r.reservationId().value(), r.category().value(), r.quantity(),
                    r.status().name(), r.reason() == null ? null : r.reason().name(), instant(r.atMillis()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatsView(String eventId, long sequence, Instant asOf, int confirmedReservations, int rejectedReservations,
                     int cancelledReservations, int confirmedSeats, List<CategoryStats> categories,
                     List<MinuteStats> seatsPerMinute) {
        static StatsView of(SalesFigures f) {
            return new StatsView(f.eventId().value(), f.sequence(), instant(f.asOfMillis()), f.tally().confirmed(),
                    f.tally().rejected(), f.tally().cancelled(), f.confirmedSeats(),
                    f.categories().stream().map(c -> new CategoryStats(c.id().value(), c.capacity(), c.confirmed(),
                            c.available(), f.soldOutAt(c.id()).orElse(null))).toList(),
                    f.seatsPerMinute().stream().map(m -> new MinuteStats(instant(m.minuteStartMillis()), m.seats()))
                            .toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CategoryStats(String id, int capacity, int confirmed, int available, Instant soldOutAt) {
    }

    record MinuteStats(Instant minute, int seats) {
    }
}
