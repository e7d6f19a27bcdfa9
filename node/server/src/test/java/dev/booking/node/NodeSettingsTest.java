package dev.booking.node;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NodeSettingsTest {
    @Test
    void the_event_page_keep_defaults_to_100_ms_and_is_read_from_the_environment_within_bounds() {
        assertThat(NodeSettings.defaults().eventPageMillis()).isEqualTo(100);
        assertThat(NodeSettings.fromEnvironment(Map.of("BOOKING_EVENT_PAGE_MILLIS", "0"), new String[0])
                .eventPageMillis()).isZero();
        assertThatIllegalArgumentException().isThrownBy(() ->
                        NodeSettings.fromEnvironment(Map.of("BOOKING_EVENT_PAGE_MILLIS", "20000"), new String[0]))
                .withMessageContaining("BOOKING_EVENT_PAGE_MILLIS must be between 0 and 10000");
    }
}
