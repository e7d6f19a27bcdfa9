package dev.booking.helm;

import dev.booking.helm.Manifests.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.booking.helm.BookingChart.FULLNAME;
import static dev.booking.helm.BookingChart.MEMBERS_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

/** Given the chart rendered with its default values, as release "shop" in namespace "bookings". */
class DefaultValuesTest {

    private static final Map<String, Object> MEMBER_LABELS = Map.of(
            "app.kubernetes.io/name", "booking",
            "app.kubernetes.io/instance", "shop",
            "app.kubernetes.io/component", "member");

    private static Manifests manifests;

    @BeforeAll
    static void render() {
        manifests = BookingChart.inWorkingTree().renderWithDefaults();
    }

    @Test
    void it_renders_the_members_and_their_services_but_no_rbac() {
        assertThat(manifests.kinds()).containsExactlyInAnyOrder(
                "StatefulSet", "Service", "Service", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy");
    }

    @Test
    void three_members_roll_one_at_a_time_behind_the_headless_service() {
        var spec = manifests.statefulSet().at("spec");

        assertThat(spec.integer("replicas")).isEqualTo(3);
        assertThat(spec.string("serviceName")).isEqualTo(MEMBERS_SERVICE);
        assertThat(spec.string("podManagementPolicy")).isEqualTo("Parallel");
        assertThat(spec.string("updateStrategy", "type")).isEqualTo("RollingUpdate");
        assertThat(spec.map("selector", "matchLabels")).isEqualTo(MEMBER_LABELS);
        assertThat(spec.map("template", "metadata", "labels")).containsAllEntriesOf(MEMBER_LABELS);
    }

    @Test
    void the_container_runs_the_configured_image_and_exposes_both_ports() {
        var container = manifests.container();

        assertThat(container.string("image")).isEqualTo("booking-node:0.1.0");
        assertThat(container.string("imagePullPolicy")).isEqualTo("IfNotPresent");
        assertThat(container.list("ports")).extracting(p -> p.string("name") + "=" + p.integer("containerPort"))
                .containsExactly("http=8080", "hazelcast=5701");
    }

    @Test
    void liveness_and_readiness_probe_the_health_endpoints_on_the_http_port() {
        var container = manifests.container();

        assertThat(container.string("livenessProbe", "httpGet", "path")).isEqualTo("/health/live");
        assertThat(container.string("livenessProbe", "httpGet", "port")).isEqualTo("http");
        assertThat(container.string("readinessProbe", "httpGet", "path")).isEqualTo("/health/ready");
        assertThat(container.string("readinessProbe", "httpGet", "port")).isEqualTo("http");
        assertThat(container.string("startupProbe", "httpGet", "path")).isEqualTo("/health/live");
        assertThat(container.integer("readinessProbe", "periodSeconds")).isPositive();
        assertThat(container.integer("livenessProbe", "failureThreshold")).isGreaterThan(1);
    }

    @Test
    void the_node_gets_its_contract_environment_with_dns_discovery() {
        assertThat(manifests.env()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "JAVA_OPTS", "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError",
                "BOOKING_HTTP_PORT", "8080",
                "BOOKING_HZ_PORT", "5701",
                "BOOKING_CLUSTER_NAME", "shop",
                "BOOKING_CONFIG", "/etc/booking/hazelcast.yaml",
                "BOOKING_BACKUP_COUNT", "1",
                "BOOKING_SHUTDOWN_TIMEOUT_SECONDS", "120",
                "BOOKING_K8S_SERVICE_DNS", MEMBERS_SERVICE + ".bookings.svc.cluster.local"));
    }

    @Test
    void the_config_map_is_mounted_where_booking_config_points() {
        var mount = manifests.container().list("volumeMounts").stream()
                .filter(m -> m.string("name").equals("config")).findFirst().orElseThrow();
        var volume = manifests.podSpec().list("volumes").stream()
                .filter(v -> v.string("name").equals("config")).findFirst().orElseThrow();

        assertThat(mount.string("mountPath") + "/hazelcast.yaml").isEqualTo(manifests.env().get("BOOKING_CONFIG"));
        assertThat(volume.string("configMap", "name")).isEqualTo(manifests.one("ConfigMap").string("metadata", "name"));
    }

    @Test
    void the_headless_service_publishes_not_ready_members_on_the_member_port() {
        var headless = service(MEMBERS_SERVICE);

        assertThat(headless.string("spec", "clusterIP")).isEqualTo("None");
        assertThat(headless.at("spec", "publishNotReadyAddresses").value()).isEqualTo(true);
        assertThat(headless.map("spec", "selector")).isEqualTo(MEMBER_LABELS);
        assertThat(headless.integer("spec", "ports", 0, "port")).isEqualTo(5701);
    }

    @Test
    void the_api_service_is_a_cluster_ip_service_on_the_http_port() {
        var api = service(FULLNAME);

        assertThat(api.string("spec", "type")).isEqualTo("ClusterIP");
        assertThat(api.integer("spec", "ports", 0, "port")).isEqualTo(8080);
        assertThat(api.string("spec", "ports", 0, "targetPort")).isEqualTo("http");
    }

    @Test
    void the_disruption_budget_lets_one_member_go_at_a_time() {
        var budget = manifests.one("PodDisruptionBudget");

        assertThat(budget.integer("spec", "maxUnavailable")).isEqualTo(1);
        assertThat(budget.map("spec", "selector", "matchLabels")).isEqualTo(MEMBER_LABELS);
    }

    @Test
    void only_members_reach_the_member_port_while_anyone_reaches_the_http_port() {
        var policy = manifests.one("NetworkPolicy").at("spec");
        var memberRule = ruleFor(policy, 5701);
        var httpRule = ruleFor(policy, 8080);

        assertThat(policy.map("podSelector", "matchLabels")).isEqualTo(MEMBER_LABELS);
        assertThat(policy.list("policyTypes")).extracting(Node::value).containsExactly("Ingress");
        assertThat(memberRule.list("from")).hasSize(1);
        assertThat(memberRule.map("from", 0, "podSelector", "matchLabels")).isEqualTo(MEMBER_LABELS);
        assertThat(httpRule.has("from")).as("no 'from' means every source").isFalse();
    }

    @Test
    void the_grace_period_is_the_shutdown_timeout_plus_a_margin() {
        assertThat(manifests.podSpec().integer("terminationGracePeriodSeconds")).isEqualTo(120 + 30);
    }

    @Test
    void the_pod_carries_a_checksum_of_the_config() {
        assertThat(manifests.statefulSet().string("spec", "template", "metadata", "annotations", "checksum/config"))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void the_members_run_as_non_root_without_privileges() {
        var pod = manifests.podSpec();
        var container = manifests.container();

        assertThat(pod.at("securityContext", "runAsNonRoot").value()).isEqualTo(true);
        assertThat(pod.integer("securityContext", "runAsUser")).isNotZero();
        assertThat(container.at("securityContext", "allowPrivilegeEscalation").value()).isEqualTo(false);
        assertThat(pod.at("automountServiceAccountToken").value()).isEqualTo(false);
    }

    @Test
    void members_prefer_different_nodes() {
        var terms = manifests.podSpec().list("affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution");

        assertThat(terms).hasSize(1);
        assertThat(terms.get(0).string("podAffinityTerm", "topologyKey")).isEqualTo("kubernetes.io/hostname");
        assertThat(terms.get(0).map("podAffinityTerm", "labelSelector", "matchLabels")).isEqualTo(MEMBER_LABELS);
    }

    @Test
    void memory_limit_and_requests_come_from_values() {
        var resources = manifests.container().at("resources");

        assertThat(resources.string("requests", "cpu")).isEqualTo("1");
        assertThat(resources.string("requests", "memory")).isEqualTo("2Gi");
        assertThat(resources.string("limits", "memory")).isEqualTo("2Gi");
    }

    private static Node service(String name) {
        return manifests.objects().stream()
                .filter(o -> "Service".equals(o.get("kind")))
                .map(Node::new)
                .filter(s -> s.string("metadata", "name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no Service " + name));
    }

    private static Node ruleFor(Node policy, int port) {
        List<Node> rules = policy.list("ingress").stream()
                .filter(r -> r.list("ports").stream().anyMatch(p -> p.integer("port") == port))
                .toList();
        assertThat(rules).as("ingress rules for port %d", port).hasSize(1);
        return rules.get(0);
    }
}
