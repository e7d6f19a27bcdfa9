package dev.booking.pipelines;

import dev.booking.domain.Change;
import dev.booking.domain.Tally;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reconciliation's comparisons as plain functions: what each kind of drift looks like in the report. */
class ComparisonTest {
    private final SalesHistory sale = SalesHistory.randomSale("gig", 21, 30);
    private final Map<String, Change> truth = Map.of("gig", sale.whole());

    @Test
    void views_made_from_every_change_show_no_drift() {
        assertThat(Comparison.events(truth, Map.of("gig", Projections.event(sale.changes())))).isEmpty();
        assertThat(Comparison.figures(truth, Map.of("gig", Projections.figures(sale.changes())))).isEmpty();
        assertThat(Comparison.customers(truth.values(), Projections.customers(sale.changes()))).isEmpty();
    }

    @Test
    void views_that_missed_the_last_change_are_behind_and_miss_its_reservations() {
        List<Change> withheld = sale.changes().subList(0, sale.changes().size() - 1);
        Change last = sale.last();

        assertThat(Comparison.events(truth, Map.of("gig", Projections.event(withheld))))
                .singleElement().satisfies(drift -> {
                    assertThat(drift.problem()).isEqualTo("behind");
                    assertThat(drift.ledgerSequence()).isEqualTo(last.sequence());
                    assertThat(drift.viewSequence()).isEqualTo(withheld.get(withheld.size() - 1).sequence());
                });
        assertThat(Comparison.figures(truth, Map.of("gig", Projections.figures(withheld))))
                .extracting(DriftReport.FiguresDrift::problem).containsExactly("behind");
        assertThat(Comparison.customers(truth.values(), Projections.customers(withheld)))
                .isNotEmpty()
                .allSatisfy(drift -> {
                    assertThat(drift.missing().size() + drift.behind().size()).isPositive();
                    assertThat(drift.differing()).isEmpty();
                });
    }

    @Test
    void a_view_of_an_unknown_event_is_unexpected_and_a_view_past_the_ledger_is_ahead() {
        AvailabilityView view = Projections.event(sale.changes());
        AvailabilityView ahead = new AvailabilityView(view.availability(), view.sequence() + 3, view.asOfMillis());

        assertThat(Comparison.events(truth, Map.of("gig", ahead, "ghost", view)))
                .extracting(DriftReport.EventDrift::eventId, DriftReport.EventDrift::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ghost", "unexpected"),
                        org.assertj.core.groups.Tuple.tuple("gig", "ahead"));
    }

    @Test
    void figures_at_the_right_sequence_with_other_counts_differ() {
        SalesFigures figures = Projections.figures(sale.changes());
        SalesFigures wrong = new SalesFigures(figures.eventId(), figures.sequence(),
                new Tally(figures.confirmed() + 1, figures.rejected(), 0), figures.categories(),
                figures.soldOut(), figures.minutes(), figures.asOfMillis());

        assertThat(Comparison.figures(truth, Map.of("gig", wrong)))
                .singleElement().satisfies(drift -> assertThat(drift.problem()).isEqualTo("differs"));
    }

    @Test
    void a_customer_line_that_missed_its_cancellation_is_behind() {
        SalesHistory cancelled = SalesHistory.event("gig", 5, 5).reserve("r1", "floor", "ann", 2).tick(1).cancel("r1");
        Map<String, Change> ledger = Map.of("gig", cancelled.whole());

        assertThat(Comparison.customers(ledger.values(), Projections.customers(cancelled.changes().subList(0, 2))))
                .singleElement().satisfies(drift -> {
                    assertThat(drift.behind()).containsExactly("gig/r1: ledger CANCELLED 2xfloor, view CONFIRMED 2xfloor");
                    assertThat(drift.differing()).isEmpty();
                });
    }

    @Test
    void a_customer_line_the_ledger_does_not_have_is_unexpected() {
        Map<String, CustomerReservations> views = new HashMap<>(Projections.customers(sale.changes()));
        SalesHistory other = SalesHistory.event("gig", 5, 5).reserve("stray", "floor", "zoe", 1);
        views.put("zoe", Projections.customers(other.changes()).get("zoe"));

        assertThat(Comparison.customers(truth.values(), views)).singleElement().satisfies(drift -> {
            assertThat(drift.customerId()).isEqualTo("zoe");
            assertThat(drift.unexpected()).containsExactly("gig/stray CONFIRMED");
        });
    }

    @Test
    void what_a_thorough_repair_takes_out_is_only_what_republishing_cannot_mend() {
        // behind and missing: republishing mends them, nothing to take out
        List<Change> withheld = sale.changes().subList(0, sale.changes().size() - 1);
        assertThat(Comparison.contradicted(truth, Map.of("gig", Projections.event(withheld)), Comparison::sameAvailability)).isEmpty();
        assertThat(Comparison.contradicted(truth, Map.of("gig", Projections.figures(withheld)), Comparison::sameFigures)).isEmpty();
        assertThat(Comparison.contradictedLines(truth.values(), Projections.customers(withheld))).isEmpty();
        assertThat(Comparison.contradicted(truth, Map.of("gig", Projections.event(sale.changes())), Comparison::sameAvailability)).isEmpty();

        // ahead, unexpected, a line of a reservation the ledger lacks, a line more advanced than the ledger's
        AvailabilityView view = Projections.event(sale.changes());
        AvailabilityView ahead = new AvailabilityView(view.availability(), view.sequence() + 1, view.asOfMillis());
        assertThat(Comparison.contradicted(truth, Map.of("gig", ahead, "ghost", view), Comparison::sameAvailability))
                .containsExactlyInAnyOrder(ahead, view);
        SalesHistory booked = SalesHistory.event("gig", 5, 5).reserve("r1", "floor", "ann", 2);
        SalesHistory cancelled = SalesHistory.event("gig", 5, 5).reserve("r1", "floor", "ann", 2).tick(1).cancel("r1")
                .reserve("stray", "balcony", "ann", 1);
        Map<String, CustomerReservations> views = Projections.customers(cancelled.changes());
        assertThat(Comparison.contradictedLines(List.of(booked.whole()), views)).singleElement().satisfies(list -> {
            assertThat(list.customerId().value()).isEqualTo("ann");
            assertThat(list.reservations()).extracting(line -> line.reservationId().value() + " " + line.status())
                    .containsExactlyInAnyOrder("r1 CANCELLED", "stray CONFIRMED");
        });
    }

    @Test
    void a_line_rejected_where_the_ledger_confirmed_is_behind_since_republishing_mends_it() {
        SalesHistory confirmed = SalesHistory.event("gig", 5, 5).reserve("r1", "floor", "ann", 2);
        SalesHistory rejected = SalesHistory.event("gig", 0, 5).reserve("r1", "floor", "ann", 2);
        Map<String, CustomerReservations> views = Projections.customers(rejected.changes());

        assertThat(Comparison.contradictedLines(List.of(confirmed.whole()), views)).isEmpty();
        assertThat(Comparison.customers(List.of(confirmed.whole()), views)).singleElement()
                .satisfies(drift -> assertThat(drift.behind()).hasSize(1));
    }

    @Test
    void a_bucket_gives_up_a_line_or_a_value_only_as_it_was_read() {
        SalesHistory booked = SalesHistory.event("gig", 5, 5).reserve("r1", "floor", "ann", 2).reserve("r2", "floor", "ann", 1);
        CustomerReservations ann = Projections.customers(booked.changes()).get("ann");
        CustomerBucket bucket = new CustomerBucket();
        bucket.add(ann);
        CustomerReservation r1 = ann.reservations().get(0);
        CustomerReservation r1Later = new CustomerReservation(r1.eventId(), r1.reservationId(), r1.category(),
                r1.quantity(), r1.status(), r1.reason(), r1.atMillis() + 1);

        assertThat(bucket.removeIfHeld(ann.customerId(), r1Later)).as("another time").isFalse();
        assertThat(bucket.removeIfHeld(ann.customerId(), r1)).isTrue();
        assertThat(bucket.list(ann.customerId()).reservations()).extracting(line -> line.reservationId().value())
                .containsExactly("r2");
        assertThat(bucket.removeIfHeld(ann.customerId(), ann.reservations().get(1))).isTrue();
        assertThat(bucket.list(ann.customerId())).as("an emptied list goes").isNull();

        AvailabilityView view = Projections.event(booked.changes());
        EventViewBucket events = new EventViewBucket();
        events.merge(view);
        AvailabilityView newer = new AvailabilityView(view.availability(), view.sequence() + 1, view.asOfMillis());
        assertThat(events.replaceIfHeld(newer, null)).isFalse();
        assertThat(events.replaceIfHeld(view, null)).isTrue();
        assertThat(events.view(view.eventId())).isEmpty();
    }
}
