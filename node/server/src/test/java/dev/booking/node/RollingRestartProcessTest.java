package dev.booking.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
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
        for (int i = 0; i < 3; i++) {
            cluster.start(i, ENV);
        }
        awaitReady(3);
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
            awaitReady(3);
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

    /**
     * A client of the API as the contract allows it to be: on a broken connection or any 5xx (a node that
     * is stopping may break a request mid-way) it sends the same request, same id, to another node.
     */
    private void bookWithRetries(String id, String body, Set<String> confirmed, Set<String> unexpected,
                                 AtomicInteger retries) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            List<NodeProcesses.Node> nodes = List.copyOf(cluster.nodes);
            var node = nodes.get(ThreadLocalRandom.current().nextInt(nodes.size()));
            var reply = cluster.call(node, "POST", "/events/gig/reservations", body);
            if (reply.status() == 201) {
                confirmed.add(id);
                return;
            }
            if (reply.status() == -1 || reply.status() >= 500) {
                retries.incrementAndGet();
                continue;
            }
            unexpected.add(id + " -> " + reply.status() + " " + reply.body());
            return;
        }
        unexpected.add(id + " -> no answer within 120 s");
    }

    private void awaitReady(int members) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (var node : cluster.nodes) {
                var ready = cluster.call(node, "GET", "/health/ready", null);
                assertThat(ready.status()).as("node on %d: %s", node.httpPort(), ready.body()).isEqualTo(200);
                assertThat(ready.json().get("members").asInt()).isEqualTo(members);
            }
        });
    }
}
