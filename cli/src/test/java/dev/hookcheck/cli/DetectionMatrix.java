package dev.hookcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The committed detection matrix of conformance-tests ({@code detection-matrix.md}, in its test jar):
 * which checks each reference receiver fails. The CLI must find exactly the same.
 */
final class DetectionMatrix {
    private static final List<String> LINES = read();
    private static final List<String> IDS = cells(LINES.get(0)).subList(2, cells(LINES.get(0)).size());

    /** The failed checks of one row, required and recommended ones alike. */
    record Row(Set<String> failed, boolean requiredFailed) {}

    private DetectionMatrix() {}

    /** The row of a receiver, {@code **correct**} or a flaw's description, on a profile. */
    static Row row(String receiver, String profile) {
        for (String line : LINES) {
            List<String> cells = cells(line);
            if (cells.size() == IDS.size() + 2 && cells.get(0).equals(receiver) && cells.get(1).equals(profile)) {
                Set<String> failed = new TreeSet<>();
                boolean required = false;
                for (int i = 0; i < IDS.size(); i++) {
                    String cell = cells.get(i + 2);
                    if (cell.equals("✗") || cell.equals("(✗)")) {
                        failed.add(IDS.get(i));
                        required |= cell.equals("✗");
                    }
                }
                return new Row(failed, required);
            }
        }
        throw new IllegalArgumentException("no row for " + receiver + " on " + profile + " in detection-matrix.md");
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    private static List<String> read() {
        try (InputStream in = DetectionMatrix.class.getResourceAsStream("/detection-matrix.md")) {
            if (in == null) {
                throw new IllegalStateException("detection-matrix.md is not on the classpath: the conformance-tests"
                        + " test jar is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("|"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
