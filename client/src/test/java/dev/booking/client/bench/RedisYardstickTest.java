package dev.booking.client.bench;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Redis yardstick runs against a real {@code redis-server} (Debian's package; {@code .ci/run}
 * installs it) and reports a JSON line whose checks passed. No figure asserted.
 */
@Timeout(120)
class RedisYardstickTest {
    private Process redis;
    private int port;

    @BeforeEach
    void startRedis() throws IOException {
        port = FreePort.find();
        try {
            redis = new ProcessBuilder(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("redis-server is not installed: apt-get install redis-server (.ci/run does)", e);
        }
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
            try (RedisYardstick.Connection connection = new RedisYardstick.Connection("127.0.0.1", port)) {
                return "PONG".equals(connection.call("PING"));
            }
        });
    }

    @AfterEach
    void stopRedis() throws InterruptedException {
        if (redis != null) {
            redis.destroy();
            if (!redis.waitFor(10, TimeUnit.SECONDS)) {
                redis.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void runs_the_hot_event_loop_on_redis_and_its_checks_pass() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exitCode = RedisYardstick.run(new String[] {"127.0.0.1:" + port, "4", "1", "0"}, new PrintStream(bytes, true));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exitCode).as(printed).isZero();
        assertThat(printed).contains("\"tool\":\"redis-yardstick\"", "\"exact\":true");
    }

    @Test
    void the_script_answers_a_replay_as_the_first_time_and_rejects_what_is_not_left() throws Exception {
        try (RedisYardstick.Connection connection = new RedisYardstick.Connection("127.0.0.1", port)) {
            String sha = connection.call("SCRIPT", "LOAD", RedisYardstick.SCRIPT);
            connection.call("SET", "e:remaining", "3");
            assertThat(connection.call("EVALSHA", sha, "2", "e:remaining", "e:ledger", "a", "2")).isEqualTo("1");
            assertThat(connection.call("EVALSHA", sha, "2", "e:remaining", "e:ledger", "b", "2")).isEqualTo("2");
            assertThat(connection.call("EVALSHA", sha, "2", "e:remaining", "e:ledger", "a", "2")).isEqualTo("1");
            assertThat(connection.call("EVALSHA", sha, "2", "e:remaining", "e:ledger", "c", "1")).isEqualTo("1");
            assertThat(connection.call("GET", "e:remaining")).isEqualTo("0");
        }
    }
}
