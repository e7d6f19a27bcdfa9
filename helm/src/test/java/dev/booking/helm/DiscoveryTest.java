package dev.booking.helm;

import dev.booking.helm.Manifests.Node;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.booking.helm.BookingChart.FULLNAME;
import static dev.booking.helm.BookingChart.MEMBERS_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryTest {

    private final BookingChart chart = BookingChart.inWorkingTree();

    @Test
    void api_discovery_gets_a_service_account_allowed_to_read_endpoints() {
        // given the Kubernetes API discovery mode
        // when the chart is rendered
        var manifests = chart.render("""
                discovery:
                  mode: api
                """);

        // then the pod runs as a service account bound to a role that may read what the join needs
        var role = manifests.one("Role");
        var binding = manifests.one("RoleBinding");
        assertThat(manifests.one("ServiceAccount").string("metadata", "name")).isEqualTo(FULLNAME);
        assertThat(manifests.podSpec().string("serviceAccountName")).isEqualTo(FULLNAME);
        assertThat(manifests.podSpec().at("automountServiceAccountToken").value()).isEqualTo(true);
        assertThat(rule(role, "")).satisfies(r -> {
            assertThat(strings(r, "resources")).containsExactlyInAnyOrder("endpoints", "pods", "services");
            assertThat(strings(r, "verbs")).containsExactlyInAnyOrder("get", "list");
        });
        assertThat(rule(role, "discovery.k8s.io")).satisfies(r -> {
            assertThat(strings(r, "resources")).containsExactly("endpointslices");
            assertThat(strings(r, "verbs")).containsExactlyInAnyOrder("get", "list");
        });
        assertThat(binding.string("roleRef", "name")).isEqualTo(role.string("metadata", "name"));
        assertThat(binding.string("subjects", 0, "name")).isEqualTo(FULLNAME);
        assertThat(binding.string("subjects", 0, "namespace")).isEqualTo(BookingChart.NAMESPACE);
    }

    @Test
    void api_discovery_tells_the_node_where_to_look() {
        var env = chart.render("""
                discovery:
                  mode: api
                """).env();

        assertThat(env)
                .containsEntry("BOOKING_K8S_API", "true")
                .containsEntry("BOOKING_K8S_NAMESPACE", BookingChart.NAMESPACE)
                .containsEntry("BOOKING_K8S_SERVICE_NAME", MEMBERS_SERVICE)
                .doesNotContainKey("BOOKING_K8S_SERVICE_DNS");
    }

    @Test
    void dns_discovery_renders_no_rbac_objects_and_no_api_environment() {
        // given the default DNS mode
        var manifests = chart.renderWithDefaults();

        // then nothing grants API access and the node resolves the headless service
        assertThat(manifests.kinds()).doesNotContain("ServiceAccount", "Role", "RoleBinding");
        assertThat(manifests.podSpec().has("serviceAccountName")).isFalse();
        assertThat(manifests.env())
                .doesNotContainKeys("BOOKING_K8S_API", "BOOKING_K8S_NAMESPACE", "BOOKING_K8S_SERVICE_NAME")
                .containsEntry("BOOKING_K8S_SERVICE_DNS", "shop-booking-members.bookings.svc.cluster.local");
    }

    @Test
    void dns_discovery_follows_a_custom_cluster_domain() {
        var env = chart.render("""
                discovery:
                  clusterDomain: k8s.example
                """).env();

        assertThat(env).containsEntry("BOOKING_K8S_SERVICE_DNS", "shop-booking-members.bookings.svc.k8s.example");
    }

    private static Node rule(Node role, String apiGroup) {
        return role.list("rules").stream()
                .filter(r -> strings(r, "apiGroups").contains(apiGroup))
                .findFirst().orElseThrow(() -> new AssertionError("no rule for API group '" + apiGroup + "'"));
    }

    private static List<String> strings(Node node, String key) {
        return node.list(key).stream().map(n -> (String) n.value()).toList();
    }
}
