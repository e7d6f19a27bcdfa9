package dev.booking.client.bench;

import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The yardstick runs, coalesced and one call per reservation, and reports a JSON line. No figure asserted. */
class BareDesignTest {
    @Test
    void both_ways_of_calling_run_against_a_member_and_report() throws Exception {
        int port = FreePort.find();
        HazelcastInstance member = BareDesign.startMember(port, "");
        try {
            for (String calls : new String[] {"coalesced", "alone"}) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                int exitCode = BareDesign.run(new String[] {"client", "127.0.0.1:" + port, "4", "1", "0", calls},
                        new PrintStream(bytes, true));
                String printed = bytes.toString(StandardCharsets.UTF_8);
                assertThat(exitCode).as(printed).isZero();
                assertThat(printed).contains("\"tool\":\"bare-design\"", "\"calls\":\"" + calls + "\"");
            }
        } finally {
            member.getLifecycleService().terminate();
        }
    }
}
