package dev.booking.pipelines;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.booking.domain.CategoryDefinition;
import dev.booking.domain.CategoryId;
import dev.booking.domain.Change;
import dev.booking.domain.CustomerId;
import dev.booking.domain.EventDefinition;
import dev.booking.domain.EventId;
import dev.booking.domain.Inventory;
import dev.booking.domain.ReservationId;
import dev.booking.domain.ReservationRequest;
import dev.booking.domain.Status;
import dev.booking.engine.BoxOffice;
import dev.booking.testing.BookingCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reconciliation finds what the views lack or get wrong, and repair or rebuild brings them back to the truth. */
class RebuildTest {
    static final EventId GIG = EventId.of("gig");
    static final EventId PLAY = EventId.of("play");
    private final BookingCluster cluster = QuerySide.cluster(1);
    private final HazelcastInstance member = cluster.member(0);
    private final BoxOffice boxOffice = new BoxOffice(member);
    private final QueryViews views = new QueryViews(member);
    private final Reconciliation reconciliation = new Reconciliation(member, boxOffice);

    @BeforeEach
    void a_sale_whose_views_are_in_step() {
        ViewJobs.start(member);
        for (EventId event : List.of(GIG, PLAY)) {
            boxOffice.define(new EventDefinition(event, "Show", null, List.of(
                    new CategoryDefinition(CategoryId.of("floor"), 6),
                    new CategoryDefinition(CategoryId.of("balcony"), 20)), 6)).join();
            for (int i = 0; i < 5; i++) {
                boxOffice.reserve(request(event, "r" + i, i % 2 == 0 ? "floor" : "balcony", "customer-" + i, 3)).join();
            }
            boxOffice.cancel(event, ReservationId.of("r1")).join();
        }
        awaitNoDrift();
    }

    @AfterEach
    void shutdown() {
        ViewJobs.stop(member);
        cluster.close();
    }

    @Test
    void a_rebuild_restores_views_that_were_cleared_and_keeps_the_sold_out_moment() {
        // given the floor of the gig sold out, and then every view lost
        Optional<Instant> soldOut = views.figures(GIG).orElseThrow().soldOutAt(CategoryId.of("floor"));
        assertThat(soldOut).isPresent();
        member.getMap(ViewMaps.EVENTS).clear();
        member.getMap(ViewMaps.CUSTOMERS).clear();
        DriftReport lost = reconciliation.check();
        assertThat(lost.events()).extracting(DriftReport.EventDrift::problem).containsOnly("missing").hasSize(2);
        assertThat(lost.customersDrifted()).isEqualTo(5);

        // when the views are rebuilt
        assertThat(reconciliation.rebuild()).isEqualTo(2);

        // then they equal the command side again, and the figures kept their history
        awaitNoDrift();
        QuerySideUnderMemberCrashTest.assertViewsEqualTheCommandSide(views, boxOffice, List.of(GIG, PLAY));
        assertThat(views.figures(GIG).orElseThrow().soldOutAt(CategoryId.of("floor"))).isEqualTo(soldOut);
    }

    @Test
    void a_repair_folds_the_per_event_views_of_an_earlier_build_into_the_buckets_and_drops_them() {
        // given the views as a build before the event buckets left them: one entry per event, the gig's
        // figures holding a sold-out moment from long ago (history the ledger cannot give back)
        CategoryId floor = CategoryId.of("floor");
        SalesFigures current = views.figures(GIG).orElseThrow();
        Instant longAgo = Instant.parse("2026-01-01T20:00:00Z");
        member.getMap(LegacyEventViews.FIGURES).put(GIG.value(), new SalesFigures(GIG, 1, current.tally(),
                current.categories(), List.of(new SalesFigures.SoldOut(floor, longAgo.toEpochMilli())), List.of(),
                longAgo.toEpochMilli()));
        member.getMap(LegacyEventViews.EVENTS).put(PLAY.value(), views.event(PLAY).orElseThrow());

        // when the views are repaired
        reconciliation.repair();

        // then the figures keep the earlier moment, the views equal the truth, and the old maps are gone
        awaitNoDrift();
        assertThat(views.figures(GIG).orElseThrow().soldOutAt(floor)).contains(longAgo);
        assertThat(views.figures(GIG).orElseThrow().sequence()).isEqualTo(current.sequence());
        assertThat(member.getDistributedObjects()).extracting(DistributedObject::getName)
                .doesNotContain(LegacyEventViews.EVENTS, LegacyEventViews.FIGURES);
        assertThat(LegacyEventViews.fold(member)).as("nothing left to fold").isZero();
        reconciliation.repair();
        assertThat(member.getDistributedObjects()).extracting(DistributedObject::getName)
                .as("a later repair brings no old map back").doesNotContain(LegacyEventViews.EVENTS, LegacyEventViews.FIGURES);
        assertThat(views.figures(GIG).orElseThrow().soldOutAt(floor)).contains(longAgo);
    }

    @Test
    void during_an_upgrade_an_event_its_bucket_does_not_hold_yet_is_read_from_the_old_map_until_the_fold() {
        // given an event that only the old per-event maps of an earlier build hold
        EventId old = EventId.of("old-show");
        AvailabilityView play = views.event(PLAY).orElseThrow();
        SalesFigures gig = views.figures(GIG).orElseThrow();
        AvailabilityView oldView = new AvailabilityView(new dev.booking.domain.EventAvailability(old, "Old show", null,
                play.availability().maxPerReservation(), play.availability().categories()), 3, play.asOfMillis());
        SalesFigures oldFigures = new SalesFigures(old, 3, gig.tally(), gig.categories(), gig.soldOut(), gig.minutes(),
                gig.asOfMillis());
        member.getMap(LegacyEventViews.EVENTS).put(old.value(), oldView);
        member.getMap(LegacyEventViews.FIGURES).put(old.value(), oldFigures);

        // then a node of this build reads it there, and every other event from its bucket
        assertThat(views.event(old)).contains(oldView);
        assertThat(views.figures(old)).contains(oldFigures);
        assertThat(views.events()).extracting(view -> view.eventId().value()).containsExactly("gig", "old-show", "play");
        assertThat(views.event(PLAY)).contains(play);

        // and once a repair folded the old maps, from its bucket; a read of a missing event brings no old map back
        reconciliation.repair();
        assertThat(views.event(old)).contains(oldView);
        assertThat(views.event(EventId.of("nowhere"))).isEmpty();
        assertThat(views.figures(EventId.of("nowhere"))).isEmpty();
        assertThat(views.events()).hasSize(3);
        assertThat(member.getDistributedObjects()).extracting(DistributedObject::getName)
                .doesNotContain(LegacyEventViews.EVENTS, LegacyEventViews.FIGURES);
    }

    @Test
    void a_rebuild_that_reads_the_ledgers_in_shares_restores_every_view() {
        Reconciliation inShares = new Reconciliation(member, boxOffice, Clock.systemUTC(), 2);
        member.getMap(ViewMaps.EVENTS).clear();
        member.getMap(ViewMaps.CUSTOMERS).clear();

        assertThat(inShares.rebuild()).as("events republished").isEqualTo(2);

        awaitNoDrift();
        QuerySideUnderMemberCrashTest.assertViewsEqualTheCommandSide(views, boxOffice, List.of(GIG, PLAY));
    }

    @Test
    void republished_reservations_travel_in_customer_bucket_order() {
        Change whole = boxOffice.wholeEvent(GIG).join().orElseThrow();

        Change ordered = Reconciliation.inBucketOrder(whole);

        assertThat(ordered.reservations()).containsExactlyInAnyOrderElementsOf(whole.reservations())
                .isSortedAccordingTo(Comparator.comparingInt(r -> CustomerBucket.bucketOf(r.customerId())));
        assertThat(ordered.sequence()).isEqualTo(whole.sequence());
        assertThat(ordered.tally()).isEqualTo(whole.tally());
    }

    @Test
    void a_repair_brings_back_a_change_that_was_never_published() {
        // given a reservation decided on a copy of the inventory that is written straight back: its change
        // never reaches the views (as when the deciding member crashes with the change still in its outbox)
        IMap<String, Inventory> inventory = member.getMap(BoxOffice.INVENTORY_MAP);
        Inventory gig = inventory.get(GIG.value());
        gig.reserve(request(GIG, "withheld", "balcony", "customer-9", 2));
        inventory.set(GIG.value(), gig);
        DriftReport drift = reconciliation.check();
        assertThat(drift.events()).extracting(DriftReport.EventDrift::problem).containsExactly("behind");
        assertThat(drift.figures()).extracting(DriftReport.FiguresDrift::problem).containsExactly("behind");
        assertThat(drift.customers()).singleElement()
                .satisfies(c -> assertThat(c.missing()).containsExactly("gig/withheld CONFIRMED"));

        // when the views are repaired
        reconciliation.repair();

        // then the views caught up without being cleared
        awaitNoDrift();
        assertThat(views.customer(CustomerId.of("customer-9"))).isPresent();
    }

    @Test
    void a_view_ahead_of_the_ledger_survives_a_repair_and_not_a_rebuild() {
        // given an event view at a sequence the ledger never reached, and a lost-events marker
        IMap<String, EventViewBucket> events = member.getMap(ViewMaps.EVENTS);
        AvailabilityView current = views.event(PLAY).orElseThrow();
        String bucket = EventViewBucket.keyOf(PLAY);
        events.executeOnKey(bucket, new UpdateEventView(bucket,
                List.of(new AvailabilityView(current.availability(), current.sequence() + 5, current.asOfMillis()))));
        member.getMap(ViewMaps.HEALTH).put(ViewMaps.LOST_EVENTS, LostEvents.seenAt(1));

        // when repaired, it is still ahead; when rebuilt, it is right and the marker is gone
        reconciliation.repair();
        assertThat(reconciliation.check().events()).extracting(DriftReport.EventDrift::problem).containsExactly("ahead");
        reconciliation.rebuild();
        awaitNoDrift();
        assertThat(views.lostEvents()).isEmpty();
    }

    @Test
    void a_thorough_repair_takes_out_what_the_ledger_contradicts_and_keeps_the_rest_as_it_was() {
        // given what a member crashing between publishing a batch and its backup can leave: the play's
        // availability and the gig's figures ahead of their ledgers, figures of an event the ledger never
        // had, a line of a reservation the ledger does not hold, and a line more advanced than the ledger's
        // (CANCELLED where it says CONFIRMED)
        AvailabilityView play = views.event(PLAY).orElseThrow();
        SalesFigures gig = views.figures(GIG).orElseThrow();
        Instant floorSoldOut = gig.soldOutAt(CategoryId.of("floor")).orElseThrow();
        CustomerReservations kept = views.customer(CustomerId.of("customer-2")).orElseThrow();
        CustomerReservation r0 = views.customer(CustomerId.of("customer-0")).orElseThrow().reservations().get(0);
        merge(ViewMaps.EVENTS, new AvailabilityView(play.availability(), play.sequence() + 1, play.asOfMillis() + 1));
        merge(ViewMaps.FIGURES, new SalesFigures(GIG, gig.sequence() + 1, gig.tally(), gig.categories(),
                gig.soldOut(), gig.minutes(), gig.asOfMillis() + 1));
        addLine("customer-7", new CustomerReservation(GIG, ReservationId.of("phantom"), CategoryId.of("balcony"), 2,
                Status.CONFIRMED, null, r0.atMillis()));
        addLine("customer-0", new CustomerReservation(r0.eventId(), r0.reservationId(), r0.category(), r0.quantity(),
                Status.CANCELLED, null, r0.atMillis()));
        EventId ghost = EventId.of("ghost"); // defined on a member that crashed before its backup had it
        merge(ViewMaps.FIGURES, new SalesFigures(ghost, 1, gig.tally(), gig.categories(), gig.soldOut(), gig.minutes(),
                gig.asOfMillis()));
        reconciliation.repair();
        assertThat(reconciliation.check().isClean()).as("a plain repair cannot mend these").isFalse();

        // when repaired thoroughly
        Reconciliation.Repaired repaired = reconciliation.repairThoroughly();

        // then exactly those were taken out, the truth is back, and what was right kept its time and history
        assertThat(repaired).isEqualTo(new Reconciliation.Repaired(2, 1, 2, 2));
        assertThat(views.figures(ghost)).as("no history kept for an event the ledger never had").isEmpty();
        assertThat(reconciliation.repairThoroughly()).as("nothing left to take out")
                .isEqualTo(new Reconciliation.Repaired(2, 0, 0, 0));
        awaitNoDrift();
        assertThat(views.customer(CustomerId.of("customer-7"))).isEmpty();
        assertThat(views.customer(CustomerId.of("customer-0")).orElseThrow().reservations())
                .allSatisfy(line -> assertThat(line.status()).isEqualTo(Status.CONFIRMED));
        assertThat(views.customer(CustomerId.of("customer-2"))).contains(kept);
        assertThat(views.figures(GIG).orElseThrow().soldOutAt(CategoryId.of("floor"))).contains(floorSoldOut);
        QuerySideUnderMemberCrashTest.assertViewsEqualTheCommandSide(views, boxOffice, List.of(GIG, PLAY));
    }

    @Test
    void thorough_repairs_during_a_sale_take_out_nothing_and_the_views_end_as_the_ledger() throws Exception {
        // given buyers reserving, replaying and cancelling on a big event
        EventId fair = EventId.of("fair");
        boxOffice.define(new EventDefinition(fair, "Fair", null, List.of(
                new CategoryDefinition(CategoryId.of("floor"), 3_000),
                new CategoryDefinition(CategoryId.of("balcony"), 3_000)), 4)).join();
        Burst burst = new Burst(boxOffice, List.of(fair), List.of(CategoryId.of("floor"), CategoryId.of("balcony")), 200);
        var sale = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                burst.run(8, 150, Duration.ofSeconds(60));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // when the views are repaired thoroughly again and again meanwhile
        List<Reconciliation.Repaired> repairs = new java.util.ArrayList<>();
        while (!sale.isDone()) {
            repairs.add(reconciliation.repairThoroughly());
        }
        sale.join();

        // then none took anything out (a view read before the ledger is never ahead of it), and the views converge
        assertThat(repairs).isNotEmpty().allSatisfy(repaired -> assertThat(List.of(repaired.eventViewsTakenOut(),
                repaired.figuresTakenOut(), repaired.customerLinesTakenOut())).containsOnly(0));
        awaitNoDrift();
        QuerySideUnderMemberCrashTest.assertViewsEqualTheCommandSide(views, boxOffice, List.of(GIG, PLAY, fair));
    }

    private void merge(String view, EventViewValue value) {
        String bucket = EventViewBucket.keyOf(value.eventId());
        member.<String, EventViewBucket>getMap(view).executeOnKey(bucket, new UpdateEventView(bucket, List.of(value)));
    }

    private void addLine(String customer, CustomerReservation line) {
        CustomerId id = CustomerId.of(customer);
        member.<String, CustomerBucket>getMap(ViewMaps.CUSTOMERS).executeOnKey(CustomerBucket.keyOf(id),
                new UpdateCustomerBucket(CustomerBucket.keyOf(id), List.of(new CustomerReservations(id, List.of(line)))));
    }

    private void awaitNoDrift() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(reconciliation.check().isClean()).as("%s", reconciliation.check()).isTrue());
    }

    private static ReservationRequest request(EventId event, String id, String category, String customer, int quantity) {
        return new ReservationRequest(event, ReservationId.of(id), CategoryId.of(category), CustomerId.of(customer), quantity);
    }
}
