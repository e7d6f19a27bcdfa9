package dev.booking.helm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaCountTest {

    private final BookingChart chart = BookingChart.inWorkingTree();

    @Test
    void a_single_member_gets_no_disruption_budget() {
        // given one member, which holds the only copy of every partition
        // when the chart is rendered
        var manifests = chart.render("replicaCount: 1");

        // then no budget pretends to protect it (maxUnavailable 0 would block node drains forever)
        assertThat(manifests.statefulSet().integer("spec", "replicas")).isEqualTo(1);
        assertThat(manifests.find("PodDisruptionBudget")).isEmpty();
    }

    @Test
    void five_members_with_one_backup_still_lose_only_one_at_a_time() {
        // given five members and the default single backup
        // when the chart is rendered
        var manifests = chart.render("replicaCount: 5");

        // then all five run and a disruption may take one
        assertThat(manifests.statefulSet().integer("spec", "replicas")).isEqualTo(5);
        assertThat(manifests.one("PodDisruptionBudget").integer("spec", "maxUnavailable")).isEqualTo(1);
    }

    @Test
    void two_backups_allow_two_members_down_at_once() {
        // given five members and two backups
        var manifests = chart.render("""
                replicaCount: 5
                backupCount: 2
                """);

        // then the budget follows the backups and the node is told the count
        assertThat(manifests.one("PodDisruptionBudget").integer("spec", "maxUnavailable")).isEqualTo(2);
        assertThat(manifests.env()).containsEntry("BOOKING_BACKUP_COUNT", "2");
    }

    @Test
    void the_budget_never_allows_every_member_down() {
        // given more backups than other members
        var manifests = chart.render("""
                replicaCount: 2
                backupCount: 3
                """);

        // then at least one member stays
        assertThat(manifests.one("PodDisruptionBudget").integer("spec", "maxUnavailable")).isEqualTo(1);
    }

    @Test
    void without_backups_no_budget_is_rendered() {
        // given no backups: every member holds the only copy of its partitions
        var manifests = chart.render("backupCount: 0");

        // then no budget can protect the data, and none blocks drains forever
        assertThat(manifests.find("PodDisruptionBudget")).isEmpty();
    }

    @Test
    void the_budget_can_be_switched_off() {
        var manifests = chart.render("""
                podDisruptionBudget:
                  enabled: false
                """);

        assertThat(manifests.find("PodDisruptionBudget")).isEmpty();
    }
}
