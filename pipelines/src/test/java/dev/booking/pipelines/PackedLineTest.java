package dev.booking.pipelines;

import dev.booking.domain.CategoryId;
import dev.booking.domain.CustomerId;
import dev.booking.domain.EventId;
import dev.booking.domain.RejectionReason;
import dev.booking.domain.ReservationId;
import dev.booking.domain.Status;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PackedLineTest {
    private final IdTable<EventId> events = new IdTable<>(EventId::value);
    private final IdTable<CategoryId> categories = new IdTable<>(CategoryId::value);

    @Test
    void a_packed_line_unpacks_to_the_same_line_whatever_its_fields() {
        List<RejectionReason> reasons = new ArrayList<>(Arrays.asList(RejectionReason.values()));
        reasons.add(null);
        String longest = "r" + "x".repeat(62) + "9";
        for (Status status : Status.values()) {
            for (RejectionReason reason : reasons) {
                for (int quantity : new int[] {1, 4, 1000}) {
                    for (long atMillis : new long[] {0, 1_795_000_000_123L, Long.MAX_VALUE}) {
                        for (String id : List.of("r", "r-1._:Z", longest)) {
                            CustomerReservation line = new CustomerReservation(EventId.of("gig-" + quantity),
                                    ReservationId.of(id), CategoryId.of("cat-" + status.ordinal()), quantity, status,
                                    reason, atMillis);

                            assertThat(unpack(pack(line))).isEqualTo(line);
                        }
                    }
                }
            }
        }
    }

    @Test
    void packed_lines_are_ordered_as_their_lines_even_when_events_were_numbered_in_another_order() {
        List<String> eventsInOrderOfFirstUse = List.of("zoo", "gig", "gig-2", "Arena", "a", "gig-10");
        eventsInOrderOfFirstUse.forEach(event -> events.numberOf(EventId.of(event)));
        Random random = new Random(11);
        List<String> ids = List.of("r", "r-1", "r-10", "r-2", "R-2", "r.1", "r_1", "r:1", "r-1-a", "0");
        for (int i = 0; i < 2_000; i++) {
            CustomerReservation a = line(eventsInOrderOfFirstUse.get(random.nextInt(6)), ids.get(random.nextInt(10)));
            CustomerReservation b = line(eventsInOrderOfFirstUse.get(random.nextInt(6)), ids.get(random.nextInt(10)));

            assertThat(Integer.signum(PackedLine.compare(pack(a), events.numberOf(b.eventId()),
                    b.reservationId().value(), events)))
                    .as("%s vs %s", a, b).isEqualTo(Integer.signum(CustomerReservation.ORDER.compare(a, b)));
        }
    }

    @Test
    void a_bucket_holds_one_copy_of_each_event_and_category_id_for_all_its_customers() {
        CustomerBucket bucket = new CustomerBucket();
        CustomerId ann = CustomerId.of("ann");
        CustomerId bob = CustomerId.of("bob");
        bucket.add(ann, line("gig", "r-1"));
        bucket.add(bob, line("gig", "r-2"));

        CustomerReservation annsLine = bucket.list(ann).reservations().get(0);
        CustomerReservation bobsLine = bucket.list(bob).reservations().get(0);

        assertThat(bobsLine.eventId()).isSameAs(annsLine.eventId()).isEqualTo(EventId.of("gig"));
        assertThat(bobsLine.category()).isSameAs(annsLine.category()).isEqualTo(CategoryId.of("floor"));
    }

    @Test
    void a_packed_line_gives_way_exactly_when_the_rule_of_the_lines_says_so() {
        long[] times = {0, 1_000, 1_795_000_000_123L, Long.MAX_VALUE};
        for (Status heldStatus : Status.values()) {
            for (long heldAt : times) {
                for (Status givenStatus : Status.values()) {
                    for (long givenAt : times) {
                        CustomerReservation held = line("gig", "r-1", heldStatus, heldAt);
                        CustomerReservation given = line("gig", "r-1", givenStatus, givenAt);

                        assertThat(PackedLine.isReplacedBy(pack(held), given)).as("%s then %s", held, given)
                                .isEqualTo(CustomerReservation.moreAdvanced(held, given) == given);
                    }
                }
            }
        }
    }

    private static CustomerReservation line(String event, String id, Status status, long atMillis) {
        return new CustomerReservation(EventId.of(event), ReservationId.of(id), CategoryId.of("floor"), 2,
                status, null, atMillis);
    }

    private static CustomerReservation line(String event, String id) {
        return new CustomerReservation(EventId.of(event), ReservationId.of(id), CategoryId.of("floor"), 2,
                Status.CONFIRMED, null, 1_000);
    }

    private byte[] pack(CustomerReservation line) {
        return PackedLine.pack(line, events.numberOf(line.eventId()), categories.numberOf(line.category()));
    }

    private CustomerReservation unpack(byte[] packed) {
        return PackedLine.unpack(packed, events, categories);
    }
}
