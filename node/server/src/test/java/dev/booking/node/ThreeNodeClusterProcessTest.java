package dev.booking.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three real node processes form one cluster through BOOKING_MEMBERS; a booking made through one node
 * is seen through the others and survives a node being killed with SIGKILL.
 */
class ThreeNodeClusterProcessTest {
    private final NodeProcesses cluster = new NodeProcesses(3);

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void three_processes_form_one_cluster_and_a_confirmed_booking_survives_a_killed_node() throws Exception {
        cluster.startAll(Map.of());
        var first = cluster.nodes.get(0);
        var second = cluster.nodes.get(1);
        var third = cluster.nodes.get(2);

        assertThat(cluster.call(first, "PUT", "/events/gig",
                "{\"name\":\"Gig\",\"categories\":[{\"id\":\"floor\",\"capacity\":100}]}").status()).isEqualTo(201);
        for (int i = 0; i < 20; i++) {
            var reply = cluster.call(second, "POST", "/events/gig/reservations",
                    "{\"reservationId\":\"r" + i + "\",\"category\":\"floor\",\"customerId\":\"c" + i + "\",\"quantity\":2}");
            assertThat(reply.status()).isEqualTo(201);
        }
        awaitConfirmedSeen(third, 40);

        second.process().destroyForcibly().waitFor();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(cluster.call(third, "GET", "/health", null).json().get("members").asInt()).isEqualTo(2));
        cluster.awaitReady(List.of(first, third), 2);
        awaitConfirmedSeen(third, 40);
        // replayed as the contract lets a client: again, to any node, on a broken connection or a 5xx
        AtomicInteger retries = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            var replay = cluster.sendUntilAnswered("POST", "/events/gig/reservations",
                    "{\"reservationId\":\"r" + i + "\",\"category\":\"floor\",\"customerId\":\"c" + i + "\",\"quantity\":2}",
                    retries);
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.json().get("status").asText()).isEqualTo("CONFIRMED");
        }
        awaitConfirmedSeen(first, 40);
        // the customer lists the killed node held (that view keeps no backup) come back from the ledger
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var reconciliation = cluster.call(first, "GET", "/admin/reconciliation", null);
            assertThat(reconciliation.json().get("clean").asBoolean()).as(reconciliation.body()).isTrue();
        });
    }

    /** The query side is eventually consistent: the event's view catches up with the decisions. */
    private void awaitConfirmedSeen(NodeProcesses.Node node, int seats) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            var event = cluster.call(node, "GET", "/events/gig", null);
            assertThat(event.status()).as(event.body()).isEqualTo(200);
            assertThat(event.json().get("categories").get(0).get("confirmed").asInt()).isEqualTo(seats);
        });
    }
}
