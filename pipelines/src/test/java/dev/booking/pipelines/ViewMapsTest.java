package dev.booking.pipelines;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An application's own member gets the views' map settings, unless its configuration names its own. */
class ViewMapsTest {
    @Test
    void a_configuration_without_view_settings_gets_those_of_the_packaged_yaml() {
        Config config = ViewMaps.addSettingsIfMissing(new Config());

        MapConfig customers = config.getMapConfig(ViewMaps.CUSTOMERS);
        assertThat(customers.getInMemoryFormat()).isEqualTo(InMemoryFormat.OBJECT);
        assertThat(customers.getTotalBackupCount()).isZero();
        MapConfig figures = config.getMapConfig(ViewMaps.FIGURES);
        assertThat(figures.getInMemoryFormat()).isEqualTo(InMemoryFormat.OBJECT);
        assertThat(figures.getBackupCount()).isZero();
        assertThat(figures.getAsyncBackupCount()).isEqualTo(1);
        MapConfig notes = config.getMapConfig(ViewMaps.HEALTH);
        assertThat(notes.getBackupCount()).as("a note that a repair is owed survives its member's crash").isEqualTo(1);
        assertThat(notes.getAsyncBackupCount()).isZero();
    }

    @Test
    void settings_the_configuration_already_has_are_kept() {
        Config config = new Config().addMapConfig(new MapConfig("booking.view.*").setBackupCount(2));

        ViewMaps.addSettingsIfMissing(config);

        assertThat(config.getMapConfig(ViewMaps.CUSTOMERS).getBackupCount()).isEqualTo(2);
        assertThat(config.getMapConfig(ViewMaps.EVENTS).getBackupCount()).isEqualTo(2);
        assertThat(config.getMapConfig(ViewMaps.HEALTH).getBackupCount()).isEqualTo(2);
    }
}
