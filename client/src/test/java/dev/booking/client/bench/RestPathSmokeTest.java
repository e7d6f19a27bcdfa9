package dev.booking.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.booking.node.BookingNode;
import dev.booking.node.NodeSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A few-second run through a real node's REST API (member and HTTP in this JVM, on loopback). No timing. */
class RestPathSmokeTest {
    private static BookingNode node;

    @BeforeAll
    static void startNode() {
        NodeSettings settings = NodeSettings.fromEnvironment(Map.of(
                "BOOKING_HTTP_HOST", "127.0.0.1",
                "BOOKING_HTTP_PORT", String.valueOf(FreePort.find()),
                "BOOKING_HZ_PORT", String.valueOf(FreePort.find()),
                "BOOKING_BIND_ADDRESS", "127.0.0.1",
                "BOOKING_CLUSTER_NAME", "bench-test-" + UUID.randomUUID()), new String[0]);
        node = BookingNode.builder().settings(settings).start();
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    @Test
    void a_short_hot_event_run_over_keep_alive_connections_passes_its_checks() {
        BenchOutput output = BenchOutput.of("hot-event", "--path", "rest", "--url", url(),
                "--capacity", "20000", "--threads", "8", "--duration", "3");

        assertThat(output.exitCode()).as(output.toString()).isZero();
        JsonNode json = output.json();
        assertThat(json.get("path").asText()).isEqualTo("rest");
        assertThat(json.get("figures").get("requests").asLong()).isPositive();
        assertThat(json.get("figures").get("undecided").asLong()).isZero();
        assertThat(json.get("readBack").get("source").asText()).contains("view");
        assertThat(json.get("passed").asBoolean()).isTrue();
    }

    @Test
    void a_sellout_curve_run_reports_the_rate_over_the_first_tenth_of_the_stock() {
        BenchOutput output = BenchOutput.of("sellout-curve", "--path", "rest", "--url", url(),
                "--capacity", "400", "--threads", "8", "--stop-after-rejections", "20", "--duration", "5");

        assertThat(output.exitCode()).as(output.toString()).isZero();
        JsonNode curve = output.json().get("figures").get("selloutCurve");
        assertThat(curve.has("lastTenthDecisionsPerSecond")).isTrue();
        assertThat(curve.has("lastOverFirst")).isTrue();
        assertThat(curve.get("firstTenthDecisionsPerSecond").isNumber()).as(output.toString()).isTrue();
    }

    @Test
    void event_reads_read_a_fresh_event_over_keep_alive_connections_without_a_failure() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

        int exitCode = EventReads.run(new String[] {url(), "2", "4", "1"}, new java.io.PrintStream(bytes, true));

        String printed = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exitCode).as(printed).isZero();
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                printed.lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElseThrow());
        assertThat(json.get("reads").asLong()).isPositive();
        assertThat(json.get("failures").asLong()).isZero();
        assertThat(json.get("latencyMillis").get("p99").isNumber()).isTrue();
    }

    private static String url() {
        return "http://127.0.0.1:" + node.httpPort();
    }
}
