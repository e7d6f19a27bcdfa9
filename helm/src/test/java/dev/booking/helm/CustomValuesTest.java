package dev.booking.helm;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CustomValuesTest {

    private final BookingChart chart = BookingChart.inWorkingTree();

    @Test
    void custom_resources_and_java_opts_reach_the_container() {
        // given a bigger member with its own JVM options (commas and '=' included)
        var manifests = chart.render("""
                resources:
                  requests:
                    cpu: "2"
                    memory: 8Gi
                  limits:
                    cpu: "4"
                    memory: 8Gi
                javaOpts: "-XX:MaxRAMPercentage=60 -XX:+UseZGC -Dlist=a,b"
                """);

        // then the container asks for exactly that
        var resources = manifests.container().at("resources");
        assertThat(resources.map("requests")).isEqualTo(Map.of("cpu", "2", "memory", "8Gi"));
        assertThat(resources.map("limits")).isEqualTo(Map.of("cpu", "4", "memory", "8Gi"));
        assertThat(manifests.env()).containsEntry("JAVA_OPTS", "-XX:MaxRAMPercentage=60 -XX:+UseZGC -Dlist=a,b");
    }

    @Test
    void one_shutdown_timeout_drives_the_node_and_the_grace_period() {
        // given a longer graceful shutdown
        var manifests = chart.render("shutdownTimeoutSeconds: 300");

        // then the node waits that long and Kubernetes waits a margin longer
        assertThat(manifests.env()).containsEntry("BOOKING_SHUTDOWN_TIMEOUT_SECONDS", "300");
        assertThat(manifests.podSpec().integer("terminationGracePeriodSeconds")).isEqualTo(330);
    }

    @Test
    void ports_image_and_cluster_name_come_from_values() {
        var manifests = chart.render("""
                image:
                  repository: registry.example/booking-node
                  tag: "1.2.3"
                  pullPolicy: Always
                ports:
                  http: 9090
                  member: 5801
                clusterName: tickets
                service:
                  type: LoadBalancer
                """);

        var container = manifests.container();
        assertThat(container.string("image")).isEqualTo("registry.example/booking-node:1.2.3");
        assertThat(container.string("imagePullPolicy")).isEqualTo("Always");
        assertThat(container.integer("ports", 0, "containerPort")).isEqualTo(9090);
        assertThat(container.integer("ports", 1, "containerPort")).isEqualTo(5801);
        assertThat(manifests.env())
                .containsEntry("BOOKING_HTTP_PORT", "9090")
                .containsEntry("BOOKING_HZ_PORT", "5801")
                .containsEntry("BOOKING_CLUSTER_NAME", "tickets");
        assertThat(manifests.objects()).filteredOn(o -> "Service".equals(o.get("kind")))
                .extracting(o -> new Manifests.Node(o).integer("spec", "ports", 0, "port"))
                .containsExactlyInAnyOrder(9090, 5801);
    }

    @Test
    void hard_anti_affinity_requires_one_member_per_node() {
        var affinity = chart.render("antiAffinity: hard").podSpec().at("affinity", "podAntiAffinity");

        assertThat(affinity.has("preferredDuringSchedulingIgnoredDuringExecution")).isFalse();
        assertThat(affinity.string("requiredDuringSchedulingIgnoredDuringExecution", 0, "topologyKey"))
                .isEqualTo("kubernetes.io/hostname");
    }

    @Test
    void the_http_port_can_be_limited_to_listed_peers() {
        // given an ingress controller namespace as the only HTTP peer
        var manifests = chart.render("""
                networkPolicy:
                  httpFrom:
                    - namespaceSelector:
                        matchLabels:
                          kubernetes.io/metadata.name: ingress
                """);

        // then the HTTP rule names it, and the member rule still only the members
        var ingress = manifests.one("NetworkPolicy").list("spec", "ingress");
        assertThat(ingress.get(1).map("from", 0, "namespaceSelector", "matchLabels"))
                .isEqualTo(Map.of("kubernetes.io/metadata.name", "ingress"));
        assertThat(ingress.get(0).list("from")).hasSize(1);
        assertThat(ingress.get(0).at("from", 0).has("podSelector")).isTrue();
    }

    @Test
    void the_network_policy_can_be_switched_off() {
        var manifests = chart.render("""
                networkPolicy:
                  enabled: false
                """);

        assertThat(manifests.find("NetworkPolicy")).isEmpty();
    }

    @Test
    void extra_environment_is_appended_to_the_contract() {
        var env = chart.render("""
                extraEnv:
                  - name: BOOKING_FEATURE
                    value: "on"
                """).env();

        assertThat(env).containsEntry("BOOKING_FEATURE", "on").containsKey("BOOKING_CONFIG");
    }
}
