package dev.booking.node;

import com.hazelcast.config.Config;
import dev.booking.engine.BoxOffice;
import dev.booking.pipelines.ViewMaps;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The backups of config/hazelcast.yaml, as a node started with it gets them. */
class MemberConfigTest {
    private final Config config = MemberConfig.of(NodeSettings.defaults());

    @Test
    void the_ledger_and_the_views_notes_have_a_synchronous_backup() {
        assertThat(config.getMapConfig(BoxOffice.INVENTORY_MAP).getBackupCount()).isEqualTo(1);
        assertThat(config.getMapConfig(ViewMaps.HEALTH).getBackupCount())
                .as("a note that a repair is owed, or that customer buckets are being rebuilt, survives its member")
                .isEqualTo(1);
    }

    @Test
    void the_views_that_can_be_repaired_from_the_ledger_have_an_asynchronous_backup_or_none() {
        assertThat(config.getMapConfig(ViewMaps.EVENTS).getBackupCount()).isZero();
        assertThat(config.getMapConfig(ViewMaps.EVENTS).getAsyncBackupCount()).isEqualTo(1);
        assertThat(config.getMapConfig(ViewMaps.CUSTOMERS).getTotalBackupCount()).isZero();
    }
}
