package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's Java and Maven snippets are copies of tagged regions of the example projects, which
 * {@code mvn verify} builds and tests (examples/pom.xml): a block after
 * {@code <!-- example: examples/spring-boot/pom.xml#dependency -->} must equal the lines between
 * {@code tag::dependency[]} and {@code end::dependency[]} of that file.
 */
class ReadmeExamplesTest {
    private static final Path ROOT = Path.of(System.getProperty("hookcheck.root", ".."));
    private static final Pattern BLOCK = Pattern.compile(
            "<!-- example: ([^#\\s]+)#([\\w-]+) -->\\s*\\n```\\w*\\n(.*?)```", Pattern.DOTALL);

    record Snippet(String file, String tag, String text) {}

    static List<Snippet> snippets() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        List<Snippet> found = new ArrayList<>();
        Matcher m = BLOCK.matcher(readme);
        while (m.find()) {
            found.add(new Snippet(m.group(1), m.group(2), m.group(3)));
        }
        return found;
    }

    /** The tagged region of an example file, without the tag lines, its common indentation removed. */
    static String region(String file, String tag) throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve(file), StandardCharsets.UTF_8);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("tag::" + tag + "[]")) {
                start = i + 1;
            } else if (lines.get(i).contains("end::" + tag + "[]")) {
                end = i;
            }
        }
        assertThat(start).as("tag::%s[] in %s", tag, file).isPositive();
        assertThat(end).as("end::%s[] in %s", tag, file).isGreaterThanOrEqualTo(start);
        List<String> region = lines.subList(start, end);
        int indent = region.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return region.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"))
                + "\n";
    }

    @Test
    void theReadmeShowsTheExamplesExactlyAsTheyAreBuilt() throws IOException {
        List<Snippet> snippets = snippets();
        assertThat(snippets).as("README blocks taken from the examples").hasSizeGreaterThanOrEqualTo(3);
        for (Snippet snippet : snippets) {
            assertThat(snippet.text()).as("README block from %s#%s: paste the tagged region again", snippet.file(),
                    snippet.tag()).isEqualTo(region(snippet.file(), snippet.tag()));
        }
    }
}
