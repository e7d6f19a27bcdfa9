package dev.booking.engine;

import com.hazelcast.config.Config;
import com.hazelcast.config.EventJournalConfig;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.YamlConfigBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Hazelcast configuration a booking member needs. The base lives in {@code config/hazelcast.yaml}
 * (packaged on the classpath, or read from a file); {@link #prepare} adds what the engine cannot run
 * without to any configuration, so that an application can embed the engine in its own member.
 */
public final class BookingConfig {
    static final String BASE_RESOURCE = "dev/booking/config/hazelcast.yaml";

    private BookingConfig() {
    }

    /** The base configuration from config/hazelcast.yaml, as packaged in the jar. */
    public static Config base() {
        try (InputStream in = BookingConfig.class.getClassLoader().getResourceAsStream(BASE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(BASE_RESOURCE + " is missing from the classpath");
            }
            return prepare(new YamlConfigBuilder(in).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A configuration read from a YAML file (the Helm chart mounts one), prepared for the engine. */
    public static Config fromFile(Path yaml) {
        try (InputStream in = Files.newInputStream(yaml)) {
            return prepare(new YamlConfigBuilder(in).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Hazelcast configuration " + yaml, e);
        }
    }

    /**
     * Adds the engine's serializers and its map settings (backups as configured, default one synchronous
     * backup; in-memory format always OBJECT) and enables Jet. Keeps everything else the configuration says.
     */
    public static Config prepare(Config config) {
        if (!BookingSerialization.isRegistered(config.getSerializationConfig())) {
            BookingSerialization.register(config.getSerializationConfig());
        }
        MapConfig inventory = config.getMapConfigOrNull(BoxOffice.INVENTORY_MAP);
        if (inventory == null) {
            inventory = new MapConfig(BoxOffice.INVENTORY_MAP).setBackupCount(1).setAsyncBackupCount(0);
            config.addMapConfig(inventory);
        }
        // Entry processors work on the live inventory: a decision never (de)serializes the ledger.
        inventory.setInMemoryFormat(InMemoryFormat.OBJECT);
        if (config.getMapConfigOrNull(Intake.INTAKE_MAP) == null) {
            config.addMapConfig(new MapConfig(Intake.INTAKE_MAP).setBackupCount(1).setAsyncBackupCount(0));
        }
        if (config.getMapConfigOrNull(ChangeLog.CHANGES_MAP) == null) {
            config.addMapConfig(new MapConfig(ChangeLog.CHANGES_MAP).setBackupCount(1).setTimeToLiveSeconds(120)
                    .setEventJournalConfig(new EventJournalConfig().setEnabled(true).setCapacity(542_000).setTimeToLiveSeconds(120)));
        }
        config.getJetConfig().setEnabled(true);
        MemberCapabilities.announce(config);
        // Never answer a decision whose synchronous backup did not acknowledge: if the owner crashed before
        // its backup applied it, the cluster no longer holds it. The call fails instead (the HTTP API answers
        // 503, retry with the same id; the Java client retries by itself) and the retry gets the truth.
        config.setProperty("hazelcast.operation.fail.on.indeterminate.state", "true");
        return config;
    }

    /** Synchronous backups of every event's inventory: how many member crashes a sale survives. */
    public static Config withBackupCount(Config config, int backupCount) {
        config.getMapConfig(BoxOffice.INVENTORY_MAP).setBackupCount(backupCount);
        return config;
    }
}
