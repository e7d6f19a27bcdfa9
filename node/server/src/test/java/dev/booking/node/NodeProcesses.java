package dev.booking.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Booking nodes as a user runs them: {@code java -jar node/target/booking-node.jar} in separate JVMs,
 * configured through BOOKING_* variables, on loopback ports. Logs go to target/process-logs.
 */
final class NodeProcesses implements AutoCloseable {
    /** Ports given out in this JVM: a port is given once, even if its node has not bound it yet. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String clusterName = "process-" + UUID.randomUUID().toString().substring(0, 8);
    final List<Node> nodes = new ArrayList<>();
    private final List<Integer> memberPorts = new ArrayList<>();

    record Node(Process process, int httpPort, int memberPort, Path log) {
    }

    NodeProcesses(int size) {
        for (int i = 0; i < size; i++) {
            memberPorts.add(freePort());
        }
    }

    Node start(int index, Map<String, String> extraEnv) throws IOException {
        Path jar = Path.of(System.getProperty("booking.node.jar", "../target/booking-node.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn package first");
        }
        int httpPort = freePort();
        Path logs = Files.createDirectories(Path.of("target", "process-logs"));
        Path log = logs.resolve(clusterName + "-node" + index + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("BOOKING_HTTP_PORT", String.valueOf(httpPort));
        env.put("BOOKING_HTTP_HOST", "127.0.0.1");
        env.put("BOOKING_HZ_PORT", String.valueOf(memberPorts.get(index)));
        env.put("BOOKING_CLUSTER_NAME", clusterName);
        env.put("BOOKING_MEMBERS", memberPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(",")));
        env.put("BOOKING_SHUTDOWN_TIMEOUT_SECONDS", "60");
        env.putAll(extraEnv);
        Node node = new Node(builder.start(), httpPort, memberPorts.get(index), log);
        if (index < nodes.size()) {
            nodes.set(index, node);
        } else {
            nodes.add(node);
        }
        return node;
    }

    Reply call(Node node, String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, e.toString());
        }
    }

    /** Starts every node of the cluster and waits until all of them are ready and see each other. */
    void startAll(Map<String, String> extraEnv) throws IOException {
        for (int i = 0; i < memberPorts.size(); i++) {
            start(i, extraEnv);
        }
        awaitReady(nodes, memberPorts.size());
    }

    /** Waits until each of these nodes answers ready and sees this many members. */
    void awaitReady(List<Node> among, int members) {
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                for (var node : among) {
                    var ready = call(node, "GET", "/health/ready", null);
                    assertThat(ready.status()).as("node on %d: %s%n%s", node.httpPort(), ready.body(), log(node))
                            .isEqualTo(200);
                    assertThat(ready.json().get("members").asInt()).isEqualTo(members);
                }
            });
        } catch (ConditionTimeoutException e) {
            StringBuilder where = new StringBuilder();
            among.stream().filter(node -> node.process().isAlive())
                    .forEach(node -> where.append(String.format("%nthe node on %d, main thread:%n%s", node.httpPort(),
                            mainThread(dumpThreads(node)))));
            throw new AssertionError("not every node got ready within 120 s:" + where, e);
        }
    }

    /** Writes the node's threads next to its log and gives them (a node that never got ready: where did it stop?). */
    private String dumpThreads(Node node) {
        Path dump = node.log().resolveSibling(node.log().getFileName() + ".threads");
        try {
            Process jstack = new ProcessBuilder("jstack", String.valueOf(node.process().pid()))
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            if (!jstack.waitFor(30, TimeUnit.SECONDS)) {
                jstack.destroyForcibly();
            }
            return Files.readString(dump);
        } catch (IOException e) {
            return "no thread dump: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "no thread dump: interrupted";
        }
    }

    private static String mainThread(String threads) {
        int start = threads.indexOf("\"main\"");
        if (start < 0) {
            return threads;
        }
        int end = threads.indexOf("\n\n", start);
        return threads.substring(start, end < 0 ? threads.length() : end);
    }

    /**
     * Sends a request as the API's contract lets a client: on a broken connection or any 5xx (a node may
     * be stopping or gone), the same request again to a node picked at random, until one answers
     * otherwise; after 120 s without such an answer, a reply of status -1.
     */
    Reply sendUntilAnswered(String method, String path, String body, AtomicInteger retries) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            List<Node> among = List.copyOf(nodes);
            Reply reply = call(among.get(ThreadLocalRandom.current().nextInt(among.size())), method, path, body);
            if (reply.status() != -1 && reply.status() < 500) {
                return reply;
            }
            retries.incrementAndGet();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // a client backs off; the failover needs the cores
        }
        return new Reply(-1, "no answer within 120 s");
    }

    String log(Node node) {
        try {
            return Files.readString(node.log());
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            node.process().destroyForcibly();
        }
    }

    /**
     * A free loopback port below Linux's ephemeral range (32768 and up). A port the system hands out for
     * a listening socket of port 0 comes from that range, and between this check and the node binding it,
     * an outgoing connection (the nodes' own, to each other) may take it: a node then failed to start
     * with "address already in use".
     */
    static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (!HANDED_OUT.add(port)) {
                continue; // given to a node of this run already, maybe not bound yet
            }
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000 on loopback");
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
