package dev.booking.client.bench;

import org.HdrHistogram.Histogram;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A yardstick, not the engine: what issue 4's first comparison, "a Redis Lua script", does on this
 * machine. Issue 4 sets the hot-event target at about 2.5 times what Redis did on its machine; this
 * measures Redis here, with the same closed loop as {@code hot-event} and {@link BareDesign}: 64 buyers,
 * each on its own connection, a new reservation id per request (1 to 4 seats), 5 % replays of an
 * earlier request of the same buyer, which must get the first answer.
 *
 * <p>The script decides one reservation atomically on Redis's single thread: a known id answers as
 * before; otherwise the seats are taken if enough remain and the answer is recorded under the id.
 * Speaks RESP over plain sockets, so the bench needs no Redis library.
 *
 * <pre>
 * redis-server --port 6390 --save '' --appendonly no &amp;
 * java -cp booking-bench.jar dev.booking.client.bench.RedisYardstick 127.0.0.1:6390 64 30 20
 * </pre>
 */
public final class RedisYardstick {
    static final String SCRIPT = String.join("\n",
            "local before = redis.call('HGET', KEYS[2], ARGV[1])",
            "if before then return tonumber(before) end",
            "local seats = tonumber(ARGV[2])",
            "local answer = 2",
            "if tonumber(redis.call('GET', KEYS[1]) or '0') >= seats then",
            "  redis.call('DECRBY', KEYS[1], seats)",
            "  answer = 1",
            "end",
            "redis.call('HSET', KEYS[2], ARGV[1], answer)",
            "return answer");

    private RedisYardstick() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** {@code [host:port] [threads] [seconds] [warmup]}; prints a line and a JSON line. */
    static int run(String[] args, PrintStream out) throws Exception {
        String[] address = (args.length > 0 ? args[0] : "127.0.0.1:6379").split(":");
        String host = address[0];
        int port = Integer.parseInt(address[1]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        String sha;
        try (Connection setup = new Connection(host, port)) {
            sha = setup.call("SCRIPT", "LOAD", SCRIPT);
        }
        load(host, port, sha, "warm-up-" + System.nanoTime(), threads, warmup);
        String sale = "sale-" + System.nanoTime();
        Load measured = load(host, port, sha, sale, threads, seconds);
        long remaining;
        try (Connection check = new Connection(host, port)) {
            remaining = Long.parseLong(check.call("GET", sale + ":remaining"));
        }
        double perSecond = measured.decisions / (double) seconds;
        boolean exact = measured.confirmedSeats + remaining == Load.CAPACITY && measured.replaysAnsweredAsFirst
                && measured.failure == null;
        out.printf("redis lua: %,.0f decisions/s, %d threads, %d s, latency p50 %.3f ms p99 %.3f ms p99.9 %.3f ms, "
                        + "seats confirmed + remaining = capacity: %s, replays answered as first: %s, buyers failed: %s%n",
                perSecond, threads, seconds, measured.latency().millis(50), measured.latency().millis(99), measured.latency().millis(99.9),
                measured.confirmedSeats + remaining == Load.CAPACITY, measured.replaysAnsweredAsFirst,
                measured.failure == null ? "none" : measured.failure.toString());
        out.printf("{\"tool\":\"redis-yardstick\",\"threads\":%d,\"seconds\":%d,\"decisions\":%d,"
                        + "\"decisionsPerSecond\":%.1f,\"latencyMillis\":{\"p50\":%.3f,\"p99\":%.3f,\"p999\":%.3f},"
                        + "\"exact\":%s}%n",
                threads, seconds, measured.decisions, perSecond, measured.latency().millis(50), measured.latency().millis(99),
                measured.latency().millis(99.9), exact);
        return measured.decisions > 0 && exact ? 0 : 1;
    }

    private static Load load(String host, int port, String sha, String event, int threads, int seconds)
            throws Exception {
        try (Connection setup = new Connection(host, port)) {
            setup.call("SET", event + ":remaining", Long.toString(Load.CAPACITY));
        }
        AtomicLong decisions = new AtomicLong();
        AtomicLong confirmedSeats = new AtomicLong();
        AtomicLong wrongReplays = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Latencies latencies = new Latencies();
        List<Thread> buyers = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                connections.add(new Connection(host, port));
            }
        } catch (IOException e) {
            for (Connection opened : connections) {
                opened.close();
            }
            throw e;
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (int t = 0; t < threads; t++) {
            int number = t;
            Histogram timings = latencies.newBuyer();
            Connection connection = connections.get(t);
            Thread buyer = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(number);
                List<Answered> past = new ArrayList<>();
                long sequence = 0;
                try (connection) {
                    while (System.nanoTime() < end) {
                        boolean replay = !past.isEmpty() && random.nextDouble() < 0.05;
                        Answered first = replay ? past.get(random.nextInt(past.size())) : null;
                        String id = replay ? first.id() : number + "-" + sequence++;
                        int seats = replay ? first.seats() : 1 + random.nextInt(4);
                        long asked = System.nanoTime();
                        String answer = connection.call("EVALSHA", sha, "2", event + ":remaining", event + ":ledger",
                                id, Integer.toString(seats));
                        Latencies.record(timings, System.nanoTime() - asked);
                        decisions.incrementAndGet();
                        if (replay) {
                            if (!answer.equals(first.answer())) {
                                wrongReplays.incrementAndGet();
                            }
                            continue;
                        }
                        if (answer.equals("1")) {
                            confirmedSeats.addAndGet(seats);
                        }
                        if (past.size() < 256) {
                            past.add(new Answered(id, seats, answer));
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            });
            buyer.start();
            buyers.add(buyer);
        }
        for (Thread buyer : buyers) {
            buyer.join();
        }
        return new Load(decisions.get(), confirmedSeats.get(), wrongReplays.get() == 0, failure.get(),
                latencies.merged());
    }

    /** A request a buyer sent, and the answer it got: what a replay of it must get again. */
    private record Answered(String id, int seats, String answer) {
    }

    /**
     * What a load did: its decisions, the seats told confirmed, whether every replay got the first answer,
     * and the first failure of a buyer (a failed buyer fails the run).
     */
    private record Load(long decisions, long confirmedSeats, boolean replaysAnsweredAsFirst, Exception failure,
                        Latencies.Merged latency) {
        static final long CAPACITY = 1_000_000_000L;
    }

    /** One blocking RESP connection: a command out, its reply (an integer, a status or a bulk string) back. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), 5_000);
                socket.setSoTimeout(10_000);
                socket.setTcpNoDelay(true);
                out = new BufferedOutputStream(socket.getOutputStream(), 1024);
                in = new BufferedInputStream(socket.getInputStream(), 1024);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }

        String call(String... command) throws IOException {
            StringBuilder request = new StringBuilder().append('*').append(command.length).append("\r\n");
            for (String part : command) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                request.append('$').append(bytes.length).append("\r\n").append(part).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply();
        }

        private String reply() throws IOException {
            int type = in.read();
            String line = line();
            switch (type) {
                case ':':
                case '+':
                    return line;
                case '$':
                    int length = Integer.parseInt(line);
                    if (length < 0) {
                        return null;
                    }
                    byte[] bytes = in.readNBytes(length + 2);
                    if (bytes.length != length + 2 || bytes[length] != '\r' || bytes[length + 1] != '\n') {
                        throw new IOException("Redis sent a truncated reply");
                    }
                    return new String(bytes, 0, length, StandardCharsets.UTF_8);
                case '-':
                    throw new IOException("Redis answered an error: " + line);
                default:
                    throw new IOException("unexpected Redis reply type " + type);
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != '\r') {
                if (c < 0) {
                    throw new IOException("Redis closed the connection");
                }
                line.append((char) c);
            }
            if (in.read() != '\n') {
                throw new IOException("Redis sent a line without its \\n");
            }
            return line.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a socket that failed: nothing more to do
            }
        }
    }
}
