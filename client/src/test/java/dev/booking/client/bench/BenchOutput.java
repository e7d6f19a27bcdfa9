package dev.booking.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The tool run in this JVM, as a user would run it from a shell, with what it printed. */
record BenchOutput(int exitCode, String stdout, String stderr) {

    static BenchOutput of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = BookingBench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new BenchOutput(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The last line of stdout, which scripts read. */
    JsonNode json() {
        List<String> lines = stdout.lines().filter(line -> !line.isBlank()).toList();
        try {
            return new ObjectMapper().readTree(lines.get(lines.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException("the last line of stdout is not JSON:\n" + stdout, e);
        }
    }

    @Override
    public String toString() {
        return "exit code " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
