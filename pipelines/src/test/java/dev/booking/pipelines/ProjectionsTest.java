package dev.booking.pipelines;

import dev.booking.domain.Cancellation;
import dev.booking.domain.CategoryId;
import dev.booking.domain.Change;
import dev.booking.domain.CustomerId;
import dev.booking.domain.Decision;
import dev.booking.domain.EventId;
import dev.booking.domain.Inventory;
import dev.booking.domain.Reservation;
import dev.booking.domain.ReservationId;
import dev.booking.domain.Sales;
import dev.booking.domain.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge functions of the views as plain functions, on changes made by the real domain. */
class ProjectionsTest {
    static final int SHUFFLES = 40;

    @Test
    void an_event_view_ends_at_the_newest_change_whatever_the_order_and_the_duplicates() {
        SalesHistory sale = SalesHistory.randomSale("gig", 1, 60);
        AvailabilityView inOrder = Projections.event(sale.changes());

        assertThat(inOrder).isEqualTo(AvailabilityView.of(sale.last()));
        assertThat(inOrder.availability()).isEqualTo(sale.inventory.availability());
        assertThat(inOrder.sequence()).isEqualTo(sale.inventory.sequence());
        LongStream.range(0, SHUFFLES).forEach(seed ->
                assertThat(Projections.event(Projections.redelivered(sale.changes(), seed))).isEqualTo(inOrder));
    }

    @Test
    void a_customer_list_holds_every_reservation_at_its_latest_status_whatever_the_order_and_the_duplicates() {
        SalesHistory sale = SalesHistory.randomSale("gig", 2, 60);
        Map<String, CustomerReservations> inOrder = Projections.customers(sale.changes());

        assertMatchesLedger(inOrder, sale.whole().reservations());
        LongStream.range(0, SHUFFLES).forEach(seed ->
                assertThat(Projections.customers(Projections.redelivered(sale.changes(), seed))).isEqualTo(inOrder));
    }

    @Test
    void sales_figures_count_what_the_ledger_counts_whatever_the_order_and_the_duplicates() {
        SalesHistory sale = SalesHistory.randomSale("gig", 3, 60);
        SalesFigures inOrder = Projections.figures(sale.changes());

        assertThat(inOrder.tally()).isEqualTo(sale.inventory.tally());
        assertThat(inOrder.categories()).isEqualTo(sale.inventory.availability().categories());
        assertThat(inOrder.sequence()).isEqualTo(sale.inventory.sequence());
        LongStream.range(0, SHUFFLES).forEach(seed ->
                assertThat(Projections.figures(Projections.redelivered(sale.changes(), seed))).isEqualTo(inOrder));
    }

    @Test
    void merges_are_idempotent_commutative_and_associative() {
        List<Change> changes = SalesHistory.randomSale("gig", 4, 30).changes();
        for (int i = 0; i + 2 < changes.size(); i++) {
            SalesFigures a = SalesFigures.of(changes.get(i));
            SalesFigures b = SalesFigures.of(changes.get(i + 1));
            SalesFigures c = SalesFigures.of(changes.get(i + 2));
            assertThat(SalesFigures.merge(a, a)).isEqualTo(a);
            assertThat(SalesFigures.merge(a, b)).isEqualTo(SalesFigures.merge(b, a));
            assertThat(SalesFigures.merge(SalesFigures.merge(a, b), c))
                    .isEqualTo(SalesFigures.merge(a, SalesFigures.merge(b, c)));
            AvailabilityView x = AvailabilityView.of(changes.get(i));
            AvailabilityView y = AvailabilityView.of(changes.get(i + 1));
            assertThat(AvailabilityView.merge(x, x)).isEqualTo(x);
            assertThat(AvailabilityView.merge(x, y)).isEqualTo(AvailabilityView.merge(y, x));
        }
    }

    @Test
    void an_event_view_update_takes_the_first_value_as_it_is_and_merges_the_next_by_the_views_own_merge() {
        List<Change> changes = SalesHistory.randomSale("gig", 9, 30).changes();
        String bucket = EventViewBucket.keyOf(new EventId("gig"));
        Map.Entry<String, EventViewBucket> events = new AbstractMap.SimpleEntry<>(bucket, null);
        Map.Entry<String, EventViewBucket> figures = new AbstractMap.SimpleEntry<>(bucket, null);
        List<Change> shuffled = new ArrayList<>(changes);
        shuffled.addAll(changes.subList(0, 10));
        Collections.shuffle(shuffled, new Random(9));

        for (Change change : shuffled) {
            UpdateEventView.of(List.of(change), AvailabilityView::of).forEach(update -> update.process(events));
            UpdateEventView.of(List.of(change), SalesFigures::of).forEach(update -> update.process(figures));
        }

        assertThat(events.getValue().view(new EventId("gig"))).contains(Projections.event(changes));
        assertThat(figures.getValue().view(new EventId("gig"))).contains(Projections.figures(changes));
    }

    @Test
    void a_decision_delivered_after_its_cancellation_does_not_bring_the_reservation_back() {
        SalesHistory sale = SalesHistory.event("gig", 10, 10)
                .reserve("r1", "floor", "ann", 2).tick(1_000)
                .cancel("r1");
        Change decided = sale.changes().get(1);
        Change cancelled = sale.changes().get(2);

        Map<String, CustomerReservations> views = Projections.customers(List.of(cancelled, decided, decided));

        assertThat(views.get("ann").reservations()).singleElement()
                .satisfies(line -> assertThat(line.status()).isEqualTo(Status.CANCELLED));
        assertThat(Projections.event(List.of(cancelled, decided)).availability().categories().get(0).confirmed())
                .isZero();
    }

    @Test
    void a_category_keeps_the_moment_it_first_sold_out_when_a_cancellation_frees_seats_again() {
        SalesHistory sale = SalesHistory.event("gig", 4, 10)
                .tick(61_000).reserve("r1", "floor", "ann", 4)
                .tick(61_000).cancel("r1")
                .tick(61_000).reserve("r2", "floor", "bob", 4);
        long firstSoldOut = sale.changes().get(1).atMillis();

        SalesFigures figures = Projections.figures(Projections.redelivered(sale.changes(), 7));

        assertThat(figures.soldOutAt(CategoryId.of("floor"))).contains(Instant.ofEpochMilli(firstSoldOut));
        assertThat(figures.soldOutAt(CategoryId.of("balcony"))).isEmpty();
    }

    @Test
    void seats_per_minute_are_differences_of_the_minute_marks_and_add_up_to_the_seats_confirmed() {
        SalesHistory sale = SalesHistory.event("gig", 20, 20)
                .tick(10_000).reserve("r1", "floor", "ann", 3)
                .tick(10_000).reserve("r2", "floor", "bob", 2)
                .tick(60_000).reserve("r3", "balcony", "cid", 4)
                .tick(60_000).cancel("r2");
        long firstMinute = Math.floorDiv(sale.changes().get(0).atMillis(), 60_000) * 60_000;

        SalesFigures figures = Projections.figures(Projections.redelivered(sale.changes(), 11));

        assertThat(figures.seatsPerMinute()).extracting(SalesFigures.MinuteSales::seats).containsExactly(5, 4, -2);
        assertThat(figures.seatsPerMinute().get(0).minuteStartMillis()).isEqualTo(firstMinute);
        assertThat(figures.seatsPerMinute().stream().mapToInt(SalesFigures.MinuteSales::seats).sum())
                .isEqualTo(figures.confirmedSeats()).isEqualTo(7);
    }

    @Test
    void a_change_published_again_later_leaves_every_view_as_it_was() {
        SalesHistory sale = SalesHistory.randomSale("gig", 5, 20);
        List<Change> withRepublish = new ArrayList<>(sale.changes());
        sale.changes().forEach(change -> withRepublish.add(change.at(change.atMillis() + 600_000)));

        assertThat(Projections.figures(withRepublish)).isEqualTo(Projections.figures(sale.changes()));
        assertThat(Projections.event(withRepublish)).isEqualTo(Projections.event(sale.changes()));
        assertThat(Projections.customers(withRepublish)).isEqualTo(Projections.customers(sale.changes()));
    }

    @Test
    void figures_reset_by_a_rebuild_keep_their_history_and_take_the_republished_truth() {
        SalesHistory sale = SalesHistory.event("gig", 4, 10)
                .tick(61_000).reserve("r1", "floor", "ann", 4)
                .tick(61_000).reserve("r2", "balcony", "bob", 3);
        SalesFigures before = Projections.figures(sale.changes());
        Change republished = sale.whole().at(sale.last().atMillis() + 3_600_000);

        SalesFigures rebuilt = SalesFigures.merge(before.historyOnly(), SalesFigures.of(republished));

        assertThat(rebuilt.tally()).isEqualTo(before.tally());
        assertThat(rebuilt.categories()).isEqualTo(before.categories());
        assertThat(rebuilt.soldOut()).isEqualTo(before.soldOut());
        assertThat(rebuilt.seatsPerMinute()).isEqualTo(before.seatsPerMinute());
    }

    @Test
    void a_change_updates_each_customer_bucket_it_touches_once_and_nothing_else() {
        SalesHistory sale = SalesHistory.randomSale("gig", 6, 60);
        Change whole = sale.whole();

        List<UpdateCustomerBucket> updates = UpdateCustomerBucket.of(List.of(whole));

        Set<String> touched = new HashSet<>();
        whole.reservations().forEach(r -> touched.add(CustomerBucket.keyOf(r.customerId())));
        assertThat(updates).extracting(UpdateCustomerBucket::bucket).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(touched);
        assertThat(updates).allSatisfy(update -> assertThat(update.lists())
                .allSatisfy(list -> assertThat(CustomerBucket.keyOf(list.customerId())).isEqualTo(update.bucket())));
        assertThat(updates.stream().mapToInt(update -> update.lists().stream()
                .mapToInt(list -> list.reservations().size()).sum()).sum()).isEqualTo(whole.reservations().size());
    }

    @Test
    void the_lines_of_one_event_in_a_bucket_hold_one_copy_of_its_id() {
        CustomerBucket bucket = new CustomerBucket();
        for (String customer : List.of("ann", "bob")) {
            bucket.add(new CustomerReservations(CustomerId.of(customer), List.of(new CustomerReservation(
                    EventId.of("gig"), ReservationId.of("r-" + customer), CategoryId.of("floor"), 1,
                    Status.CONFIRMED, null, 1_000))));
        }

        EventId ann = bucket.list(CustomerId.of("ann")).reservations().get(0).eventId();
        EventId bob = bucket.list(CustomerId.of("bob")).reservations().get(0).eventId();
        assertThat(ann).isSameAs(bob).isEqualTo(EventId.of("gig"));
    }

    @Test
    void a_customers_list_is_read_in_order_of_event_and_reservation_id_whatever_the_order_of_the_merges() {
        CustomerBucket bucket = new CustomerBucket();
        CustomerId ann = CustomerId.of("ann");
        List<CustomerReservation> given = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            given.add(line("gig-" + (i % 3), "r-" + (i * 7919 % 101), Status.CONFIRMED));
        }
        Collections.shuffle(given, new Random(7));
        given.forEach(line -> bucket.add(ann, line));

        assertThat(bucket.list(ann).reservations()).isSortedAccordingTo(CustomerReservation.ORDER).hasSize(40);
    }

    private static CustomerReservation line(String event, String reservation, Status status) {
        return new CustomerReservation(EventId.of(event), ReservationId.of(reservation), CategoryId.of("floor"), 1,
                status, null, 1_000);
    }

    @Test
    void a_reservation_two_changes_of_a_batch_touched_is_listed_once_at_its_more_advanced_line() {
        Inventory inventory = Inventory.open(Sales.concert(10, 0));
        Reservation confirmed = ((Decision.Confirmed) inventory.reserve(Sales.request("r1", "floor", 2))).reservation();
        Change booked = inventory.change(List.of(confirmed)).at(1_000);
        Reservation cancelled = ((Cancellation.Cancelled) inventory.cancel(confirmed.id())).reservation();
        Change cancellation = inventory.change(List.of(cancelled)).at(2_000);

        for (List<Change> batch : List.of(List.of(booked, cancellation), List.of(cancellation, booked))) {
            assertThat(UpdateCustomerBucket.of(batch)).singleElement().satisfies(update ->
                    assertThat(update.lists()).singleElement().satisfies(list ->
                            assertThat(list.reservations()).singleElement().satisfies(line ->
                                    assertThat(line.status()).isEqualTo(Status.CANCELLED))));
        }
    }

    @Test
    void a_batch_of_changes_of_several_events_updates_each_bucket_once_and_folds_as_its_changes_one_by_one() {
        SalesHistory gig = SalesHistory.randomSale("gig", 7, 40);
        SalesHistory play = SalesHistory.randomSale("play", 8, 40);
        List<Change> all = Projections.redeliveredTogether(gig, 3, play, 4, 5);

        List<List<Change>> batches = Projections.inBatches(all, 9);

        assertThat(batches).allSatisfy(batch -> assertThat(UpdateCustomerBucket.of(batch))
                .extracting(UpdateCustomerBucket::bucket).doesNotHaveDuplicates());
        assertThat(Projections.customersOfBatches(batches)).isEqualTo(Projections.customers(all));
    }

    static void assertMatchesLedger(Map<String, CustomerReservations> views, List<Reservation> ledger) {
        Map<String, List<Reservation>> byCustomer = new HashMap<>();
        ledger.forEach(r -> byCustomer.computeIfAbsent(r.customerId().value(), c -> new ArrayList<>()).add(r));
        assertThat(views.keySet()).isEqualTo(byCustomer.keySet());
        byCustomer.forEach((customer, reservations) -> {
            List<CustomerReservation> lines = views.get(customer).reservations();
            assertThat(lines).isSortedAccordingTo(CustomerReservation.ORDER).hasSameSizeAs(reservations);
            reservations.forEach(r -> assertThat(lines).anySatisfy(line -> assertThat(line.matches(r)).isTrue()));
        });
    }
}
