package dev.booking.web;

import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.Revision;
import dev.booking.engine.BoxOffice;
import io.javalin.http.Context;

/** Defining events (the command side; reading them is the query side's, see {@link QueryHandlers}). */
final class EventHandlers {
    private final BoxOffice boxOffice;

    EventHandlers(BoxOffice boxOffice) {
        this.boxOffice = boxOffice;
    }

    void define(Context ctx) {
        EventId id = eventId(ctx);
        EventDefinition definition = Json.read(ctx.bodyAsBytes(), EventBody.class).toDefinition(id);
        Respond.later(ctx, boxOffice.define(definition), (c, revision) -> {
            if (revision instanceof Revision.Created created) {
                Respond.json(c, 201, EventView.of(created.event()));
            } else if (revision instanceof Revision.Updated updated) {
                Respond.json(c, 200, EventView.of(updated.event()));
            } else if (revision instanceof Revision.Refused refused) {
                Respond.problem(c, Problem.of(409, "capacity_below_confirmed", refused.detail(), "categories"));
            } else if (revision instanceof Revision.TooManyCategories tooMany) {
                Respond.problem(c, Problem.of(409, "too_many_categories", tooMany.detail(), "categories"));
            }
        });
    }

    static EventId eventId(Context ctx) {
        return Edge.id("eventId", ctx.pathParam("eventId"), EventId::new);
    }

    static Problem eventNotFound(EventId id) {
        return Problem.of(404, "event_not_found", "event '" + id + "' does not exist");
    }
}
