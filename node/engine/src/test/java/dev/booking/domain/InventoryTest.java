package dev.booking.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.booking.domain.Sales.concert;
import static dev.booking.domain.Sales.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryTest {

    @Test
    void a_request_within_capacity_is_confirmed_and_takes_its_seats() {
        Inventory inventory = Inventory.open(concert(10, 5));

        Decision decision = inventory.reserve(request("r1", "floor", 4));

        assertThat(decision).isInstanceOf(Decision.Confirmed.class);
        assertThat(((Decision.Confirmed) decision).replay()).isFalse();
        assertThat(floor(inventory).confirmed()).isEqualTo(4);
        assertThat(floor(inventory).available()).isEqualTo(6);
    }

    @Test
    void a_request_for_more_than_is_left_is_rejected_as_insufficient_and_takes_nothing() {
        Inventory inventory = Inventory.open(concert(3, 5));

        Decision decision = inventory.reserve(request("r1", "floor", 4));

        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        assertThat(((Decision.Rejected) decision).reservation().reason()).isEqualTo(RejectionReason.INSUFFICIENT_CAPACITY);
        assertThat(floor(inventory).confirmed()).isZero();
    }

    @Test
    void a_request_on_a_sold_out_category_is_rejected_as_sold_out() {
        Inventory inventory = Inventory.open(concert(2, 5));
        inventory.reserve(request("r1", "floor", 2));

        Decision decision = inventory.reserve(request("r2", "floor", 1));

        assertThat(((Decision.Rejected) decision).reservation().reason()).isEqualTo(RejectionReason.SOLD_OUT);
    }

    @Test
    void a_replay_returns_the_original_confirmation_even_after_the_event_sold_out() {
        Inventory inventory = Inventory.open(concert(2, 5));
        inventory.reserve(request("r1", "floor", 2));
        inventory.reserve(request("r2", "floor", 1));

        Decision replay = inventory.reserve(request("r1", "floor", 2));

        assertThat(replay).isEqualTo(new Decision.Confirmed(reservation("r1", "floor", 2, Status.CONFIRMED, null), true));
        assertThat(floor(inventory).confirmed()).isEqualTo(2);
    }

    @Test
    void a_replay_of_a_rejection_stays_rejected_even_after_seats_came_back() {
        Inventory inventory = Inventory.open(concert(1, 5));
        inventory.reserve(request("r1", "floor", 1));
        inventory.reserve(request("r2", "floor", 1));
        inventory.cancel(ReservationId.of("r1"));

        Decision replay = inventory.reserve(request("r2", "floor", 1));

        assertThat(replay).isInstanceOf(Decision.Rejected.class);
        assertThat(((Decision.Rejected) replay).replay()).isTrue();
        assertThat(floor(inventory).confirmed()).isZero();
    }

    @Test
    void a_replay_after_cancellation_reports_the_original_confirmation_and_the_current_state() {
        Inventory inventory = Inventory.open(concert(5, 5));
        inventory.reserve(request("r1", "floor", 2));
        inventory.cancel(ReservationId.of("r1"));

        Decision replay = inventory.reserve(request("r1", "floor", 2));

        assertThat(replay).isEqualTo(new Decision.Confirmed(reservation("r1", "floor", 2, Status.CANCELLED, null), true));
        assertThat(floor(inventory).confirmed()).isZero();
    }

    @Test
    void the_same_reservation_id_with_other_content_is_a_conflict_that_changes_nothing() {
        Inventory inventory = Inventory.open(concert(5, 5));
        inventory.reserve(request("r1", "floor", 2));

        List<Decision> conflicts = List.of(
                inventory.reserve(request("r1", "floor", 3)),
                inventory.reserve(request("r1", "balcony", 2)),
                inventory.reserve(request("r1", "floor", "someone-else", 2)));

        assertThat(conflicts).allMatch(d -> d instanceof Decision.Conflict);
        assertThat(floor(inventory).confirmed()).isEqualTo(2);
        assertThat(inventory.availability().categories().get(1).confirmed()).isZero();
    }

    @Test
    void an_unknown_category_or_a_quantity_above_the_limit_is_refused_and_not_recorded() {
        Inventory inventory = Inventory.open(concert(50, 5));

        Decision unknown = inventory.reserve(request("r1", "standing", 1));
        Decision tooMany = inventory.reserve(request("r2", "floor", 11));

        assertThat(((Decision.Refused) unknown).refusal()).isEqualTo(Decision.Refusal.UNKNOWN_CATEGORY);
        assertThat(((Decision.Refused) tooMany).refusal()).isEqualTo(Decision.Refusal.QUANTITY_ABOVE_LIMIT);
        assertThat(inventory.reservationCount()).isZero();
        assertThat(inventory.reserve(request("r2", "floor", 1))).isInstanceOf(Decision.Confirmed.class);
    }

    @Test
    void an_accepted_request_the_changed_event_no_longer_allows_is_rejected_and_recorded_once() {
        Inventory inventory = Inventory.open(concert(50, 5));
        inventory.revise(new EventDefinition(Sales.CONCERT, "New Year's Eve", null,
                List.of(new CategoryDefinition(CategoryId.of("floor"), 50)), 2));
        long sequence = inventory.sequence();

        Decision withdrawn = inventory.decideAccepted(request("r1", "balcony", 1));
        Decision aboveTheNewLimit = inventory.decideAccepted(request("r2", "floor", 3));
        Decision allowed = inventory.decideAccepted(request("r3", "floor", 2));
        Decision replay = inventory.decideAccepted(request("r1", "balcony", 1));

        assertThat(withdrawn).isEqualTo(new Decision.Rejected(
                reservation("r1", "balcony", 1, Status.REJECTED, RejectionReason.EVENT_CHANGED), false));
        assertThat(aboveTheNewLimit).isEqualTo(new Decision.Rejected(
                reservation("r2", "floor", 3, Status.REJECTED, RejectionReason.EVENT_CHANGED), false));
        assertThat(allowed).isInstanceOf(Decision.Confirmed.class);
        assertThat(replay).isEqualTo(new Decision.Rejected(
                reservation("r1", "balcony", 1, Status.REJECTED, RejectionReason.EVENT_CHANGED), true));
        assertThat(inventory.reserve(request("r2", "floor", 3))).as("a replay through the usual path")
                .isEqualTo(new Decision.Rejected(reservation("r2", "floor", 3, Status.REJECTED, RejectionReason.EVENT_CHANGED), true));
        assertThat(inventory.tally()).isEqualTo(new Tally(1, 2, 0));
        assertThat(inventory.sequence()).isEqualTo(sequence + 3);
        assertThat(floor(inventory).confirmed()).isEqualTo(2);
        Inventory moved = Inventory.open(concert(50, 5));
        moved.revise(new EventDefinition(Sales.CONCERT, "New Year's Eve", null,
                List.of(new CategoryDefinition(CategoryId.of("floor"), 50)), 2));
        Inventory restored = Inventory.restore(moved.definition(), moved.sequence(), reservations(moved));
        assertThat(restored.decideAccepted(request("r5", "balcony", 1))).as("on a copy restored without the balcony")
                .isEqualTo(new Decision.Rejected(
                        reservation("r5", "balcony", 1, Status.REJECTED, RejectionReason.EVENT_CHANGED), false));
    }

    @Test
    void cancelling_releases_the_seats_exactly_once() {
        Inventory inventory = Inventory.open(concert(5, 5));
        inventory.reserve(request("r1", "floor", 3));

        Cancellation first = inventory.cancel(ReservationId.of("r1"));
        Cancellation second = inventory.cancel(ReservationId.of("r1"));

        assertThat(first).isEqualTo(new Cancellation.Cancelled(reservation("r1", "floor", 3, Status.CANCELLED, null), false));
        assertThat(second).isEqualTo(new Cancellation.Cancelled(reservation("r1", "floor", 3, Status.CANCELLED, null), true));
        assertThat(floor(inventory).confirmed()).isZero();
    }

    @Test
    void a_rejected_reservation_cannot_be_cancelled_and_an_unknown_one_is_not_found() {
        Inventory inventory = Inventory.open(concert(0, 5));
        inventory.reserve(request("r1", "floor", 1));

        assertThat(inventory.cancel(ReservationId.of("r1"))).isInstanceOf(Cancellation.NotCancellable.class);
        assertThat(inventory.cancel(ReservationId.of("nope"))).isInstanceOf(Cancellation.NotFound.class);
    }

    @Test
    void capacity_can_be_raised_at_any_time_but_not_lowered_below_what_is_confirmed() {
        Inventory inventory = Inventory.open(concert(5, 5));
        inventory.reserve(request("r1", "floor", 4));

        Revision lowered = inventory.revise(concert(3, 5));
        Revision raised = inventory.revise(concert(8, 5));

        assertThat(lowered).isInstanceOf(Revision.Refused.class);
        assertThat(((Revision.Refused) lowered).detail()).contains("floor").contains("4 confirmed");
        assertThat(raised).isInstanceOf(Revision.Updated.class);
        assertThat(floor(inventory).capacity()).isEqualTo(8);
        assertThat(floor(inventory).confirmed()).isEqualTo(4);
    }

    @Test
    void a_category_with_confirmed_seats_cannot_be_removed() {
        Inventory inventory = Inventory.open(concert(5, 5));
        inventory.reserve(request("r1", "balcony", 1));
        EventDefinition floorOnly = new EventDefinition(Sales.CONCERT, "New Year's Eve", null,
                List.of(new CategoryDefinition(CategoryId.of("floor"), 5)));

        assertThat(inventory.revise(floorOnly)).isInstanceOf(Revision.Refused.class);
        assertThat(inventory.availability().categories()).hasSize(2);
    }

    @Test
    void an_inventory_restored_from_its_ledger_has_the_same_counts_and_answers() {
        Inventory inventory = Inventory.open(concert(5, 5));
        inventory.reserve(request("r1", "floor", 3));
        inventory.reserve(request("r2", "floor", 3));
        inventory.reserve(request("r3", "balcony", 1));
        inventory.cancel(ReservationId.of("r3"));
        List<Reservation> ledger = new java.util.ArrayList<>();
        inventory.forEachReservation(ledger::add);

        Inventory restored = Inventory.restore(inventory.definition(), inventory.sequence(), ledger);

        assertThat(restored.availability()).isEqualTo(inventory.availability());
        assertThat(restored.tally()).isEqualTo(inventory.tally());
        assertThat(restored.sequence()).isEqualTo(inventory.sequence());
        assertThat(restored.reserve(request("r2", "floor", 3))).isEqualTo(inventory.reserve(request("r2", "floor", 3)));
    }

    @Test
    void the_shares_of_a_ledger_hold_each_reservation_exactly_once_whatever_their_number() {
        Inventory inventory = Inventory.open(concert(400, 0));
        for (int i = 0; i < 300; i++) {
            inventory.reserve(request("r" + i, "floor", 1 + i % 4));
        }
        List<Reservation> all = new java.util.ArrayList<>();
        inventory.forEachReservation(all::add);

        for (int shares : List.of(1, 3, 16, 500)) {
            List<Reservation> union = new java.util.ArrayList<>();
            for (int share = 0; share < shares; share++) {
                inventory.forEachReservationOfShare(share, shares, union::add);
            }
            assertThat(union).as("%d shares", shares).hasSameSizeAs(all).containsExactlyInAnyOrderElementsOf(all);
        }
        assertThatThrownBy(() -> inventory.forEachReservationOfShare(3, 3, r -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shares_visited_while_the_ledger_grows_still_hold_every_reservation_it_held_before() {
        Inventory inventory = Inventory.open(concert(5_000, 0));
        for (int i = 0; i < 300; i++) {
            inventory.reserve(request("before-" + i, "floor", 1));
        }
        List<Reservation> before = new java.util.ArrayList<>();
        inventory.forEachReservation(before::add);
        List<Reservation> union = new java.util.ArrayList<>();

        inventory.forEachReservationOfShare(0, 3, union::add);
        for (int i = 0; i < 700; i++) {
            inventory.reserve(request("during-" + i, "floor", 1)); // the table doubles at least once
        }
        inventory.forEachReservationOfShare(1, 3, union::add);
        inventory.forEachReservationOfShare(2, 3, union::add);

        assertThat(union).containsAll(before).doesNotHaveDuplicates();
    }

    @Test
    void every_change_gets_the_next_sequence_number_and_replays_and_refusals_get_none() {
        Inventory inventory = Inventory.open(concert(5, 5));
        long opened = inventory.sequence();

        inventory.reserve(request("r1", "floor", 2));
        inventory.reserve(request("r2", "floor", 9));
        inventory.reserve(request("r1", "floor", 2));
        inventory.reserve(request("r3", "nowhere", 1));
        inventory.cancel(ReservationId.of("r1"));
        inventory.cancel(ReservationId.of("r1"));
        inventory.revise(concert(6, 5));

        assertThat(inventory.sequence()).isEqualTo(opened + 4);
        assertThat(inventory.tally()).isEqualTo(new Tally(0, 1, 1));
    }

    @Test
    void identifiers_outside_the_allowed_shape_are_refused_naming_the_field() {
        assertThatThrownBy(() -> ReservationId.of("has space")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("reservationId");
        assertThatThrownBy(() -> ReservationId.of("x".repeat(65))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> CategoryId.of("-leading-dash")).isInstanceOf(InvalidInput.class);
        assertThat(ReservationId.of("a" + "b".repeat(63)).value()).hasSize(64);
    }

    private static EventAvailability.CategoryAvailability floor(Inventory inventory) {
        return inventory.availability().categories().get(0);
    }

    private static Reservation reservation(String id, String category, int quantity, Status status, RejectionReason reason) {
        return new Reservation(Sales.CONCERT, ReservationId.of(id), CategoryId.of(category), CustomerId.of("customer-1"),
                quantity, status, reason);
    }

    private static List<Reservation> reservations(Inventory inventory) {
        List<Reservation> all = new java.util.ArrayList<>();
        inventory.forEachReservation(all::add);
        return all;
    }
}
