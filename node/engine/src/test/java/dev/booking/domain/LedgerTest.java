package dev.booking.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerTest {

    @Test
    void lines_are_found_by_id_replaced_in_place_and_visited_once_each_across_many_resizes() {
        Ledger ledger = new Ledger();
        Map<String, Ledger.Line> expected = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            String id = "r-" + i;
            Ledger.Line line = new Ledger.Line(i % 3, "customer-" + (i % 977), 1 + i % 1000, Status.CONFIRMED, null);
            ledger.put(id, line);
            expected.put(id, line);
        }
        Ledger.Line cancelled = new Ledger.Line(1, "customer-1", 1000, Status.CANCELLED, null);
        ledger.put("r-1", cancelled);
        expected.put("r-1", cancelled);

        assertThat(ledger.size()).isEqualTo(100_000);
        assertThat(ledger.find("r-99999")).isEqualTo(expected.get("r-99999"));
        assertThat(ledger.find("r-1")).isEqualTo(cancelled);
        assertThat(ledger.find("r-100000")).isNull();
        Map<String, Ledger.Line> visited = new HashMap<>();
        ledger.forEach(visited::put);
        assertThat(visited).isEqualTo(expected);
    }

    @Test
    void the_longest_ids_and_every_status_and_reason_survive_packing() {
        Ledger ledger = new Ledger();
        String longId = "A" + "z9._:-".repeat(10) + "xyz";
        String longCustomer = "c".repeat(64);
        for (RejectionReason reason : RejectionReason.values()) {
            ledger.put(longId + reason.ordinal(), new Ledger.Line(254, longCustomer, 1000, Status.REJECTED, reason));
        }
        ledger.put(longId, new Ledger.Line(0, "x", 1, Status.CANCELLED, null));

        assertThat(ledger.find(longId + "1")).isEqualTo(new Ledger.Line(254, longCustomer, 1000, Status.REJECTED,
                RejectionReason.INSUFFICIENT_CAPACITY));
        assertThat(ledger.find(longId)).isEqualTo(new Ledger.Line(0, "x", 1, Status.CANCELLED, null));
    }

    @Test
    void ids_with_the_same_hash_code_are_told_apart() {
        Ledger ledger = new Ledger();
        // "Aa" and "BB" have the same String.hashCode()
        ledger.put("Aa", new Ledger.Line(0, "a", 1, Status.CONFIRMED, null));
        ledger.put("BB", new Ledger.Line(0, "b", 2, Status.CONFIRMED, null));

        assertThat(ledger.find("Aa").customer()).isEqualTo("a");
        assertThat(ledger.find("BB").customer()).isEqualTo("b");
        assertThat(ledger.size()).isEqualTo(2);
    }

    @Test
    void sequential_ids_of_many_buyers_spread_over_the_table_so_a_search_stays_short() {
        // sequential ids: the hot-event workload's (64 buyers, each numbering its reservations), then one
        // shop's order numbers
        Ledger ledger = new Ledger();
        Ledger.Line line = new Ledger.Line(0, "customer-1", 2, Status.CONFIRMED, null);
        for (int sequence = 0; sequence < 10_000; sequence++) {
            for (int buyer = 0; buyer < 64; buyer++) {
                ledger.put("r" + buyer + "-" + sequence, line);
            }
        }
        ledger.put("order-1", line);
        for (int order = 2; order <= 100_000; order++) {
            ledger.put("order-" + order, line);
        }

        assertThat(ledger.size()).isEqualTo(740_000);
        assertThat(ledger.meanDisplacement()).as("slots read past a line's home, on average").isLessThan(1.5);
    }

    @Test
    void a_line_belongs_to_the_share_its_ids_hash_code_names_in_every_build() {
        // the shares of one repair may be read on members of two builds: the split must not change
        Ledger ledger = new Ledger();
        Ledger.Line line = new Ledger.Line(0, "customer-1", 1, Status.CONFIRMED, null);
        for (int i = 0; i < 5_000; i++) {
            ledger.put("r-" + i, line);
        }

        List<String> all = new ArrayList<>();
        for (int share = 0; share < 7; share++) {
            int expected = share;
            List<String> visited = new ArrayList<>();
            ledger.forEachOfShare(share, 7, (id, ignored) -> visited.add(id));
            assertThat(visited).isNotEmpty().allSatisfy(id -> {
                int hash = id.hashCode();
                assertThat(Math.floorMod(hash ^ (hash >>> 16), 7)).isEqualTo(expected);
            });
            all.addAll(visited);
        }
        assertThat(all).hasSize(5_000).doesNotHaveDuplicates();
    }
}
