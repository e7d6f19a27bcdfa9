package dev.booking.client.bench;

import java.util.Locale;
import java.util.OptionalDouble;

/** The one line of JSON a script compares runs by: workload, path, parameters, figures, checks. */
final class JsonLine {
    private final StringBuilder json = new StringBuilder(1024);
    private boolean first = true;

    private JsonLine() {
    }

    static String of(RunResult r) {
        BenchOptions o = r.options();
        BuyerTally t = r.tally();
        JsonLine line = new JsonLine().open();
        line.field("workload", o.workload.label()).field("path", o.path.label()).field("target", r.target());
        line.object("parameters").field("threads", o.threads).field("events", r.sale().events().size())
                .field("seatsPerEvent", r.sale().seatsPerEvent()).field("capacity", r.sale().totalSeats())
                .field("durationSeconds", o.durationSeconds)
                .field("warmupSeconds", o.warmupSeconds).field("replayRatio", o.replayRatio)
                .field("stopAfterRejections", o.stopAfterRejections).field("customers", o.customers)
                .field("maxQuantity", o.maxQuantity).field("eventPrefix", o.eventPrefix).close();
        line.object("figures").field("elapsedSeconds", r.elapsedSeconds()).field("endedBy", r.soldOut() ? "sold-out" : "duration")
                .field("requests", t.requests).field("confirmed", t.confirmed).field("confirmedSeats", t.confirmedSeats)
                .field("rejected", t.rejected).field("replays", t.replays).field("undecided", t.undecided)
                .field("decisionsPerSecond", r.decisionsPerSecond()).field("confirmedPerSecond", r.confirmedPerSecond());
        line.object("latencyMillis").field("p50", r.latencyMicros(50) / 1_000).field("p99", r.latencyMicros(99) / 1_000)
                .field("p999", r.latencyMicros(99.9) / 1_000).field("max", t.latency.getMaxValue() / 1e6).close();
        if (o.workload.reportsCurve()) {
            line.object("selloutCurve").field("firstTenthDecisionsPerSecond", r.curve().firstTenthRate())
                    .field("lastTenthDecisionsPerSecond", r.curve().lastTenthRate())
                    .field("lastOverFirst", r.curve().ratio()).close();
        }
        line.close();
        line.object("readBack").field("source", r.stock().source()).field("capacity", r.stock().capacity()).field("confirmed", r.stock().confirmed())
                .field("available", r.stock().available()).close();
        line.array("checks");
        for (Check check : r.checks()) {
            line.open().field("name", check.name()).field("passed", check.passed()).field("found", check.found()).close();
        }
        line.json.append(']');
        line.first = false;
        return line.field("passed", r.passed()).close().json.toString();
    }

    private JsonLine open() {
        comma();
        json.append('{');
        first = true;
        return this;
    }

    private JsonLine object(String name) {
        key(name);
        json.append('{');
        first = true;
        return this;
    }

    private void array(String name) {
        key(name);
        json.append('[');
        first = true;
    }

    private JsonLine close() {
        json.append('}');
        first = false;
        return this;
    }

    private JsonLine field(String name, String value) {
        key(name);
        string(value);
        return this;
    }

    private JsonLine field(String name, long value) {
        key(name);
        json.append(value);
        return this;
    }

    private JsonLine field(String name, double value) {
        key(name);
        json.append(Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "null");
        return this;
    }

    private JsonLine field(String name, OptionalDouble value) {
        return value.isPresent() ? field(name, value.getAsDouble()) : nullField(name);
    }

    private JsonLine field(String name, boolean value) {
        key(name);
        json.append(value);
        return this;
    }

    private JsonLine nullField(String name) {
        key(name);
        json.append("null");
        return this;
    }

    private void key(String name) {
        comma();
        string(name);
        json.append(':');
    }

    private void comma() {
        if (!first) {
            json.append(',');
        }
        first = false;
    }

    private void string(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
