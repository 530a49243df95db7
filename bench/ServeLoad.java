/*
 * A closed-loop load generator for `seq2seq4j serve`, run as a single-file program:
 *
 *   java bench/ServeLoad.java --url http://127.0.0.1:PORT/ --inputs FILE [options]
 *
 * For each concurrency level, N clients each send one request at a time (POST /v1/translate) for
 * a warm-up period and then for the measured period, and the program reports requests/s,
 * sentences/s, latency percentiles, errors, the server's mean decoding batch size over the
 * period (from /metrics) and the server's resident memory (from /proc/PID/status). Every run is
 * bounded in time and in requests, and only loopback addresses are accepted as targets.
 */

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class ServeLoad {
    private ServeLoad() {}

    /** What one level measured. */
    record Result(int concurrency, long requests, long errors, double seconds, long[] latenciesNanos,
                  double meanBatch, double cpuSeconds, String rss) {}

    public static void main(String[] args) throws Exception {
        URI url = null;
        Path inputs = null;
        int[] levels = {1, 8, 64};
        double duration = 10;
        double warmup = 3;
        int beam = 5;
        int perRequest = 1;
        long maxRequests = 1_000_000;
        String model = null;
        long pid = -1;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--url" -> url = URI.create(v);
                case "--inputs" -> inputs = Path.of(v);
                case "--levels" -> levels = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                case "--duration" -> duration = Double.parseDouble(v);
                case "--warmup" -> warmup = Double.parseDouble(v);
                case "--beam" -> beam = Integer.parseInt(v);
                case "--inputs-per-request" -> perRequest = Integer.parseInt(v);
                case "--max-requests" -> maxRequests = Long.parseLong(v);
                case "--model" -> model = v;
                case "--pid" -> pid = Long.parseLong(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
            i++;
        }
        if (url == null || inputs == null) {
            throw new IllegalArgumentException("need --url and --inputs");
        }
        requireLoopback(url);
        if (duration <= 0 || duration > 600 || warmup < 0 || warmup > 120) {
            throw new IllegalArgumentException("duration must be in (0, 600] s and warm-up in [0, 120] s");
        }
        List<String> sentences = new ArrayList<>();
        for (String line : Files.readAllLines(inputs, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                sentences.add(line);
            }
        }
        List<byte[]> bodies = bodies(sentences, perRequest, beam, model);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        System.out.printf(Locale.ROOT, "target %s, %d distinct request bodies, %d input(s) per request, beam %d%n",
                url, bodies.size(), perRequest, beam);
        System.out.printf(Locale.ROOT, "%-6s %9s %7s %9s %11s %9s %9s %9s %9s %10s %12s %s%n", "conc", "requests",
                "errors", "req/s", "sentences/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "mean batch",
                "CPU ms/sent", "server RSS");
        long totalErrors = 0;
        for (int c : levels) {
            run(client, url, bodies, c, warmup, maxRequests, pid, false);
            Result r = run(client, url, bodies, c, duration, maxRequests, pid, true);
            totalErrors += r.errors();
            long[] lat = r.latenciesNanos();
            Arrays.sort(lat);
            System.out.printf(Locale.ROOT, "%-6d %9d %7d %9.1f %11.1f %9.2f %9.2f %9.2f %9.2f %10.2f %12.2f %s%n", c,
                    r.requests(), r.errors(), r.requests() / r.seconds(), r.requests() * perRequest / r.seconds(),
                    ms(percentile(lat, 0.50)), ms(percentile(lat, 0.90)), ms(percentile(lat, 0.99)),
                    ms(lat.length == 0 ? 0 : lat[lat.length - 1]), r.meanBatch(),
                    r.cpuSeconds() * 1000 / Math.max(1, r.requests() * perRequest), r.rss());
        }
        System.out.println("errors in total: " + totalErrors);
    }

    private static Result run(HttpClient client, URI url, List<byte[]> bodies, int concurrency, double seconds,
                              long maxRequests, long pid, boolean measured) throws Exception {
        if (seconds == 0) {
            return null;
        }
        double[] before = measured ? batchStats(client, url) : null;
        double cpuBefore = cpuSeconds(pid);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> clients = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            final int offset = t;
            clients.add(pool.submit(() -> {
                long[] lat = new long[1024];
                int n = 0;
                for (long i = offset; System.nanoTime() < deadline && sent.incrementAndGet() <= maxRequests; i++) {
                    byte[] body = bodies.get((int) (i % bodies.size()));
                    HttpRequest req = HttpRequest.newBuilder(url.resolve("/v1/translate"))
                            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> res = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                        if (res.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : clients) {
            parts.add(f.get((long) seconds + 120, TimeUnit.SECONDS));
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdownNow();
        if (!measured) {
            return null;
        }
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        double[] after = batchStats(client, url);
        double batches = after[1] - before[1];
        double meanBatch = batches > 0 ? (after[0] - before[0]) / batches : Double.NaN;
        return new Result(concurrency, all.length, errors.get(), elapsed, all, meanBatch, cpuSeconds(pid) - cpuBefore,
                rss(pid));
    }

    private static List<byte[]> bodies(List<String> sentences, int perRequest, int beam, String model) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            StringBuilder b = new StringBuilder("{");
            if (model != null) {
                b.append("\"model\":").append(quote(model)).append(',');
            }
            b.append("\"beam\":").append(beam).append(",\"inputs\":[");
            for (int k = 0; k < perRequest; k++) {
                b.append(k > 0 ? "," : "").append(quote(sentences.get((i + k) % sentences.size())));
            }
            out.add(b.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Sum and count of the server's decode batch-size histogram over all models. */
    private static double[] batchStats(HttpClient client, URI url) throws Exception {
        String text = client.send(HttpRequest.newBuilder(url.resolve("/metrics")).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return new double[] {sum(text, "seq2seq4j_decode_batch_size_sum"), sum(text, "seq2seq4j_decode_batch_size_count")};
    }

    private static double sum(String text, String name) {
        Matcher m = Pattern.compile("^" + name + "\\{[^}]*\\} (\\S+)$", Pattern.MULTILINE).matcher(text);
        double s = 0;
        while (m.find()) {
            s += Double.parseDouble(m.group(1));
        }
        return s;
    }

    /**
     * CPU time (user + system) the server has used, from /proc/PID/stat; NaN without a pid. On a
     * shared machine CPU per sentence says more about the server's efficiency than wall-clock
     * throughput, which other processes' load also sets.
     */
    private static double cpuSeconds(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
            return ticks / 100.0; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String rss(long pid) {
        if (pid <= 0) {
            return "n/a";
        }
        try {
            String status = Files.readString(Path.of("/proc/" + pid + "/status"));
            return field(status, "VmRSS") + " (peak " + field(status, "VmHWM") + ")";
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String field(String status, String name) {
        Matcher m = Pattern.compile("^" + name + ":\\s+(\\d+) kB", Pattern.MULTILINE).matcher(status);
        return m.find() ? (Long.parseLong(m.group(1)) / 1024) + " MiB" : "?";
    }

    private static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void requireLoopback(URI url) throws IOException {
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("expected an http:// URL, got " + url);
        }
        for (InetAddress a : InetAddress.getAllByName(url.getHost())) {
            if (!a.isLoopbackAddress()) {
                throw new IllegalArgumentException(url.getHost() + " is not a loopback address; this load generator"
                        + " only targets this machine");
            }
        }
    }
}
