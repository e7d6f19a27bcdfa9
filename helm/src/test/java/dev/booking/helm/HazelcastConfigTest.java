package dev.booking.helm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.booking.helm.BookingChart.CHART_CONFIG;
import static dev.booking.helm.BookingChart.REPOSITORY_CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

/** The chart ships the repository's config/hazelcast.yaml as a committed copy; these keep them one. */
class HazelcastConfigTest {

    @Test
    void the_chart_copy_is_byte_identical_to_the_repository_config() throws IOException {
        // given both files
        // when they are compared byte by byte
        long firstDifference = Files.mismatch(REPOSITORY_CONFIG, CHART_CONFIG);

        // then they are the same
        assertThat(firstDifference)
                .as("helm/booking/files/hazelcast.yaml differs from config/hazelcast.yaml at byte %d;"
                        + " run from the repository root: cp config/hazelcast.yaml helm/booking/files/hazelcast.yaml",
                        firstDifference)
                .isEqualTo(-1L);
    }

    @Test
    void the_config_map_holds_the_repository_config_verbatim() throws IOException {
        // given the repository config
        String expected = Files.readString(REPOSITORY_CONFIG);

        // when the chart is rendered
        var configMap = BookingChart.inWorkingTree().renderWithDefaults().one("ConfigMap");

        // then the ConfigMap's file is that text
        assertThat(configMap.string("data", "hazelcast.yaml")).isEqualTo(expected);
    }

    @Test
    void a_config_change_changes_the_checksum_so_the_members_roll(@TempDir Path workspace) throws IOException {
        // given a copy of the chart and its checksum
        var chart = BookingChart.copiedTo(workspace.resolve("booking"));
        String before = checksum(chart.renderWithDefaults());

        // when its Hazelcast config changes
        Path config = chart.directory().resolve("files/hazelcast.yaml");
        Files.writeString(config, Files.readString(config) + "# one more line\n");
        String after = checksum(chart.renderWithDefaults());

        // then so does the checksum
        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void a_change_outside_the_config_keeps_the_checksum() {
        // given the chart
        var chart = BookingChart.inWorkingTree();

        // when only the replica count changes
        String threeMembers = checksum(chart.renderWithDefaults());
        String fiveMembers = checksum(chart.render("replicaCount: 5"));

        // then the checksum stays, so scaling alone restarts nobody
        assertThat(fiveMembers).isEqualTo(threeMembers);
    }

    @Test
    void the_packaged_chart_carries_the_config(@TempDir Path destination) throws IOException {
        // given the chart packaged like `helm package helm/booking` from a clean clone
        Path archive = BookingChart.inWorkingTree().packageInto(destination);

        // when the archive alone is rendered
        var configMap = BookingChart.renderPackaged(archive).one("ConfigMap");

        // then it still holds the repository config
        assertThat(archive.getFileName().toString()).isEqualTo("booking-0.1.0.tgz");
        assertThat(configMap.string("data", "hazelcast.yaml")).isEqualTo(Files.readString(REPOSITORY_CONFIG));
    }

    private static String checksum(Manifests manifests) {
        return manifests.statefulSet().string("spec", "template", "metadata", "annotations", "checksum/config");
    }
}
