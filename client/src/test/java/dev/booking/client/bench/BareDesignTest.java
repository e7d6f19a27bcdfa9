package dev.booking.client.bench;

import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The yardstick runs every way of calling, on one event and on several, and reports a JSON line. No figure asserted. */
class BareDesignTest {
    @Test
    void every_way_of_calling_runs_against_a_member_and_reports() throws Exception {
        int port = FreePort.find();
        HazelcastInstance member = BareDesign.startMember(port, "");
        try {
            for (String calls : new String[] {"coalesced", "alone", "keys"}) {
                for (String events : new String[] {"1", "50"}) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    int exitCode = BareDesign.run(new String[] {"client", "127.0.0.1:" + port, "4", "1", "0", calls, events},
                            new PrintStream(bytes, true));
                    String printed = bytes.toString(StandardCharsets.UTF_8);
                    assertThat(exitCode).as(printed).isZero();
                    assertThat(printed).contains("\"tool\":\"bare-design\"", "\"calls\":\"" + calls + "\"",
                            "\"events\":" + events + ",");
                }
            }
        } finally {
            member.getLifecycleService().terminate();
        }
    }
}
