package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start, pasted as it is: after a plain {@code hookcheck serve} (on a free port, the
 * only change), every curl of the section answers 200.
 */
class ReadmeQuickStartIT {
    private static final String README_BASE = "http://localhost:8080";

    /** The curl lines of the bash blocks of the README's "Quick start" section. */
    static List<String> quickStartCurls() throws Exception {
        String readme = Files.readString(JarProcess.ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Quick start");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        List<String> curls = new ArrayList<>();
        boolean inBash = false;
        for (String line : section.lines().toList()) {
            if (line.startsWith("```")) {
                inBash = !inBash && line.equals("```bash");
            } else if (inBash && line.startsWith("curl ")) {
                curls.add(line);
            }
        }
        return curls;
    }

    @Test
    void everyCurlOfTheQuickStartAnswers200AfterAPlainServe() throws Exception {
        List<String> curls = quickStartCurls();
        assertThat(curls).as("the quick start's curls").hasSizeGreaterThanOrEqualTo(3)
                .allMatch(curl -> curl.contains(README_BASE));
        try (JarProcess serve = JarProcess.start("serve", "--port", "0")) {
            String base = ServeIT.baseUrl(serve);
            for (String curl : curls) {
                String pasted = curl.replace(README_BASE, base) + " -sS -o /dev/null -w '%{http_code}'";
                Process process = new ProcessBuilder("bash", "-c", pasted).redirectErrorStream(true).start();
                String status = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(status).as(curl).isEqualTo("200");
            }
        }
    }
}
