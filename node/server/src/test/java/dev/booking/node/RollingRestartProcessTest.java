package dev.booking.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rolling restart of a 3-node cluster (SIGTERM, wait for exit 0, start again, wait until every node
 * is ready) under steady reservation load. No confirmed reservation is lost, and every request gets an
 * answer that a client would accept: a decision, or a failure it simply retries with the same id.
 */
class RollingRestartProcessTest {
    private static final Map<String, String> ENV = Map.of("BOOKING_DRAIN_SECONDS", "1");
    private final NodeProcesses cluster = new NodeProcesses(3);

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void a_rolling_restart_under_load_loses_no_confirmed_reservation_and_fails_no_request() throws Exception {
        cluster.startAll(ENV);
        assertThat(cluster.call(cluster.nodes.get(0), "PUT", "/events/gig",
                "{\"name\":\"Gig\",\"categories\":[{\"id\":\"floor\",\"capacity\":1000000}]}").status()).isEqualTo(201);

        Set<String> confirmed = ConcurrentHashMap.newKeySet();
        Set<String> unexpected = ConcurrentHashMap.newKeySet();
        AtomicInteger retries = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService buyers = Executors.newFixedThreadPool(4);
        for (int b = 0; b < 4; b++) {
            int buyer = b;
            buyers.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    String id = "b" + buyer + "-" + n;
                    String body = "{\"reservationId\":\"" + id + "\",\"category\":\"floor\",\"customerId\":\"c" + buyer
                            + "\",\"quantity\":1}";
                    bookWithRetries(id, body, confirmed, unexpected, retries);
                }
            });
        }

        for (int i = 0; i < 3; i++) {
            int before = confirmed.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> confirmed.size() > before + 20);
            var node = cluster.nodes.get(i);
            node.process().destroy();
            assertThat(node.process().waitFor(90, TimeUnit.SECONDS)).as("node %d stopped", i).isTrue();
            assertThat(node.process().exitValue()).as("exit code of node %d: %s", i, cluster.log(node)).isZero();
            cluster.start(i, ENV);
            cluster.awaitReady(cluster.nodes, 3);
        }
        int beforeEnd = confirmed.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> confirmed.size() > beforeEnd + 20);
        running.set(false);
        buyers.shutdown();
        assertThat(buyers.awaitTermination(120, TimeUnit.SECONDS)).isTrue();

        assertThat(unexpected).isEmpty();
        var reader = cluster.nodes.get(1);
        for (String id : confirmed) {
            var held = cluster.call(reader, "GET", "/events/gig/reservations/" + id, null);
            assertThat(held.status()).as(id).isEqualTo(200);
            assertThat(held.json().get("status").asText()).as(id).isEqualTo("CONFIRMED");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var event = cluster.call(reader, "GET", "/events/gig", null);
            assertThat(event.status()).as(event.body()).isEqualTo(200);
            assertThat(event.json().get("categories").get(0).get("confirmed").asInt()).isEqualTo(confirmed.size());
        });
        System.out.printf("rolling restart: %d confirmed, %d retried calls%n", confirmed.size(), retries.get());
    }

    /** A client of the API as the contract allows it to be: see {@link NodeProcesses#sendUntilAnswered}. */
    private void bookWithRetries(String id, String body, Set<String> confirmed, Set<String> unexpected,
                                 AtomicInteger retries) {
        var reply = cluster.sendUntilAnswered("POST", "/events/gig/reservations", body, retries);
        if (reply.status() == 201) {
            confirmed.add(id);
        } else {
            unexpected.add(id + " -> " + reply.status() + " " + reply.body());
        }
    }
}
