package dev.booking.node;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the environment decides about a node; everything else comes from config/hazelcast.yaml.
 *
 * @param members TCP/IP join addresses ({@code host:port}); empty: standalone, or Kubernetes discovery
 * @param kubernetesServiceDns the headless service to resolve for Kubernetes DNS discovery, or null
 * @param kubernetesApi whether to ask the Kubernetes API for the members
 * @param drainSeconds how long a stopping node answers "not ready" before its HTTP server stops
 * @param eventPageMillis how long a rendered {@code GET /events/{id}} answer is reused; 0: never
 */
public record NodeSettings(int httpPort, String httpHost, int memberPort, String clusterName, List<String> members,
                           Path configFile, int backupCount, int shutdownTimeoutSeconds, boolean demo,
                           String kubernetesServiceDns, boolean kubernetesApi, String kubernetesNamespace,
                           String kubernetesServiceName, String bindAddress, int drainSeconds,
                           int eventPageMillis) {

    public static NodeSettings defaults() {
        return fromEnvironment(Map.of(), new String[0]);
    }

    public static NodeSettings fromEnvironment(Map<String, String> env, String[] args) {
        List<String> members = Optional.ofNullable(env.get("BOOKING_MEMBERS")).stream()
                .flatMap(m -> Arrays.stream(m.split(","))).map(String::trim).filter(m -> !m.isEmpty()).toList();
        return new NodeSettings(
                port(env, "BOOKING_HTTP_PORT", 8080),
                env.getOrDefault("BOOKING_HTTP_HOST", "0.0.0.0"),
                port(env, "BOOKING_HZ_PORT", 5701),
                env.get("BOOKING_CLUSTER_NAME"),
                members,
                Optional.ofNullable(env.get("BOOKING_CONFIG")).filter(s -> !s.isBlank()).map(Path::of).orElse(null),
                integer(env, "BOOKING_BACKUP_COUNT", 1, 0, 6),
                integer(env, "BOOKING_SHUTDOWN_TIMEOUT_SECONDS", 120, 1, 3600),
                Arrays.asList(args).contains("--demo") || Boolean.parseBoolean(env.getOrDefault("BOOKING_DEMO", "false")),
                blankToNull(env.get("BOOKING_K8S_SERVICE_DNS")),
                Boolean.parseBoolean(env.getOrDefault("BOOKING_K8S_API", "false")),
                blankToNull(env.get("BOOKING_K8S_NAMESPACE")),
                blankToNull(env.get("BOOKING_K8S_SERVICE_NAME")),
                blankToNull(env.get("BOOKING_BIND_ADDRESS")),
                integer(env, "BOOKING_DRAIN_SECONDS", 0, 0, 300),
                integer(env, "BOOKING_EVENT_PAGE_MILLIS", 100, 0, 10_000));
    }

    boolean onKubernetes() {
        return kubernetesServiceDns != null || kubernetesApi;
    }

    /** A node whose peers are all on this machine (or that has none) needs only the loopback interface. */
    boolean loopbackOnly() {
        return !onKubernetes() && members.stream().allMatch(m -> m.startsWith("127.") || m.startsWith("localhost"));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        return integer(env, name, fallback, 0, 65535);
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + raw);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + raw + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
