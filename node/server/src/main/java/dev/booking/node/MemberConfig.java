package dev.booking.node;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.booking.engine.BookingConfig;

/** The base YAML plus what the environment decides: ports, cluster name, discovery, backups. */
final class MemberConfig {
    private MemberConfig() {
    }

    static Config of(NodeSettings settings) {
        Config config = BookingNode.prepare(settings.configFile() != null
                ? BookingConfig.fromFile(settings.configFile()) : BookingConfig.base());
        if (settings.clusterName() != null) {
            config.setClusterName(settings.clusterName());
        }
        BookingConfig.withBackupCount(config, settings.backupCount());
        config.setProperty("hazelcast.graceful.shutdown.max.wait", String.valueOf(settings.shutdownTimeoutSeconds()));
        config.setProperty("hazelcast.shutdownhook.enabled", "false");

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(settings.memberPort()).setPortAutoIncrement(false);
        String bind = settings.bindAddress() != null ? settings.bindAddress()
                : settings.loopbackOnly() ? "127.0.0.1" : null;
        if (bind != null) {
            config.setProperty("hazelcast.socket.bind.any", "false");
            network.getInterfaces().setEnabled(true).addInterface(bind);
        }
        join(network.getJoin(), settings);
        return config;
    }

    private static void join(JoinConfig join, NodeSettings settings) {
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        if (settings.kubernetesServiceDns() != null) {
            join.getKubernetesConfig().setEnabled(true)
                    .setProperty("service-dns", settings.kubernetesServiceDns())
                    .setProperty("service-port", String.valueOf(settings.memberPort()));
        } else if (settings.kubernetesApi()) {
            var kubernetes = join.getKubernetesConfig().setEnabled(true);
            if (settings.kubernetesNamespace() != null) {
                kubernetes.setProperty("namespace", settings.kubernetesNamespace());
            }
            if (settings.kubernetesServiceName() != null) {
                kubernetes.setProperty("service-name", settings.kubernetesServiceName());
            }
        } else if (!settings.members().isEmpty()) {
            join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
        }
    }
}
