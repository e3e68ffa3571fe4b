package dev.hookcheck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints the Markdown table of BENCHMARKS.md from a JMH JSON result file (throughput mode): for each
 * {@code <case>_bare} / {@code <case>_hookcheck} pair and body size, both scores with their error,
 * the ratio Hookcheck / bare, the extra time per call (1/Hookcheck − 1/bare) and whether the ratio
 * is within 10 % of the bare loop.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.hookcheck.bench.RatioReport bench/target/jmh.json</pre>
 *
 * <p>JMH's error is the half-width of its 99.9 % confidence interval; the ratio's error combines the
 * two relative errors in quadrature, which treats the two runs as independent.
 */
public final class RatioReport {
    static final double TARGET = 0.90;

    private RatioReport() {}

    record Score(double value, double error, String unit) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RatioReport <jmh result json>");
            System.exit(2);
        }
        JsonNode root = JsonMapper.shared().readTree(Files.readAllBytes(Path.of(args[0])));
        // case -> size -> side -> score
        Map<String, Map<Integer, Map<String, Score>>> results = new TreeMap<>();
        for (JsonNode run : root) {
            String benchmark = run.get("benchmark").asString();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            int underscore = method.lastIndexOf('_');
            if (underscore < 0) {
                continue;
            }
            int size = Integer.parseInt(run.get("params").get("size").asString());
            JsonNode metric = run.get("primaryMetric");
            results.computeIfAbsent(method.substring(0, underscore), k -> new TreeMap<>())
                    .computeIfAbsent(size, k -> new TreeMap<>())
                    .put(method.substring(underscore + 1), new Score(metric.get("score").asDouble(),
                            metric.get("scoreError").asDouble(), metric.get("scoreUnit").asString()));
        }
        System.out.println("| case | body | bare (ops/s) | Hookcheck (ops/s) | ratio Hookcheck / bare | extra per call | within 10 % |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|");
        results.forEach((name, bySize) -> bySize.forEach((size, sides) -> {
            Score bare = sides.get("bare");
            Score hookcheck = sides.get("hookcheck");
            if (bare == null || hookcheck == null) {
                return;
            }
            if (!bare.unit().equals("ops/s") || !hookcheck.unit().equals("ops/s")) {
                throw new IllegalArgumentException("expected throughput in ops/s, got " + bare.unit());
            }
            double ratio = hookcheck.value() / bare.value();
            double error = ratio * Math.hypot(relative(bare), relative(hookcheck));
            String verdict = ratio >= TARGET
                    ? (ratio - error >= TARGET ? "yes" : "yes (interval reaches below 0.90)")
                    : (ratio + error >= TARGET ? "no (interval reaches 0.90)" : "no");
            double extraNanos = 1e9 / hookcheck.value() - 1e9 / bare.value();
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.3f ± %.3f | %+,.0f ns | %s |%n", name, kib(size),
                    withError(bare), withError(hookcheck), ratio, error, extraNanos, verdict);
        }));
    }

    private static double relative(Score score) {
        return Double.isNaN(score.error()) ? 0 : score.error() / score.value();
    }

    private static String kib(int size) {
        return size % 1024 == 0 ? size / 1024 + " KiB" : size + " B";
    }

    private static String withError(Score score) {
        return String.format(Locale.ROOT, "%,.0f ± %,.0f", score.value(), score.error());
    }
}
