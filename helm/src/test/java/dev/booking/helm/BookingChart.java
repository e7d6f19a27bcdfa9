package dev.booking.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test fixture: the chart under test, rendered by Helm's own engine (helm-java, in process) as
 * release {@value #RELEASE} in namespace {@value #NAMESPACE}.
 */
final class BookingChart {

    static final String RELEASE = "shop";
    static final String NAMESPACE = "bookings";
    static final String FULLNAME = "shop-booking";
    static final String MEMBERS_SERVICE = "shop-booking-members";

    /** The chart in the working tree; Maven passes its path, an IDE run from helm/ finds it too. */
    static final Path DIRECTORY = Path.of(System.getProperty("booking.chart.dir", "booking"));

    /** The repository's Hazelcast configuration, the one the chart must ship. */
    static final Path REPOSITORY_CONFIG =
            Path.of(System.getProperty("booking.config.file", "../config/hazelcast.yaml"));

    static final Path CHART_CONFIG = DIRECTORY.resolve("files/hazelcast.yaml");

    private final Path directory;

    private BookingChart(Path directory) {
        this.directory = directory;
    }

    static BookingChart inWorkingTree() {
        return new BookingChart(DIRECTORY);
    }

    /** A chart somewhere else, e.g. a copy whose files a test changes. */
    static BookingChart at(Path directory) {
        return new BookingChart(directory);
    }

    LintResult lint() {
        return new Helm(directory).lint().strict().call();
    }

    Manifests renderWithDefaults() {
        return render("{}");
    }

    /** Renders with the given values YAML laid over values.yaml, as `helm template -f` does. */
    Manifests render(String valuesYaml) {
        Path valuesFile = writeTemporary(valuesYaml);
        try {
            String output = new Helm(directory).template()
                    .withName(RELEASE)
                    .withNamespace(NAMESPACE)
                    .withValuesFile(valuesFile)
                    .call();
            return Manifests.parse(output);
        } finally {
            deleteQuietly(valuesFile);
        }
    }

    /** Packages the chart into the directory, like `helm package`, and returns the archive. */
    Path packageInto(Path destination) {
        new Helm(directory).packageIt().withDestination(destination).call();
        try (var archives = Files.list(destination)) {
            return archives.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("helm package wrote no .tgz to " + destination));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders a packaged chart (.tgz) with its defaults, as `helm install` from the archive would. */
    static Manifests renderPackaged(Path archive) {
        return Manifests.parse(Helm.template(archive.toString())
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .call());
    }

    /** Copies the chart so a test may change its files without touching the working tree. */
    static BookingChart copiedTo(Path target) {
        try (var paths = Files.walk(DIRECTORY)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(DIRECTORY.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
            return new BookingChart(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path directory() {
        return directory;
    }

    private static Path writeTemporary(String valuesYaml) {
        try {
            Path file = Files.createTempFile("booking-values-", ".yaml");
            return Files.writeString(file, valuesYaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
