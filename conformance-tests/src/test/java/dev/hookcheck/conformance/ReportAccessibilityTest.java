package dev.hookcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.reference.Flaw;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import dev.hookcheck.conformance.report.Invocation;
import dev.hookcheck.conformance.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * report.html has no accessibility violation axe-core finds, of any impact, as rendered and with every
 * check unfolded: axe-core (pinned by src/test/node/axe/package-lock.json) injected into Debian's
 * headless Chromium, driven through Debian's chromedriver (nothing is downloaded).
 */
class ReportAccessibilityTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = Path.of("src/test/node/axe/node_modules/axe-core/axe.min.js");
    private static final Path PAGES = Path.of("target/axe");
    /** Held, so the level set on it stays set. */
    private static final Logger CDP_LOGGER = Logger.getLogger("org.openqa.selenium.devtools");

    private static ChromeDriver browser;
    private static String axe;

    @BeforeAll
    static void start() throws IOException {
        assertThat(AXE).as("axe-core: npm ci --prefix conformance-tests/src/test/node/axe --no-audit --no-fund")
                .isRegularFile();
        assertThat(CHROMIUM).as("Debian's chromium: apt-get install chromium chromium-driver").isExecutable();
        axe = Files.readString(AXE, StandardCharsets.UTF_8);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        System.setProperty("SE_OFFLINE", "true");
        CDP_LOGGER.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    static Stream<Arguments> reports() {
        Invocation command = new Invocation("hookcheck check --url http://localhost:3000/webhooks --profile standard"
                + " --secret \"$HOOKCHECK_SECRET\"", "hookcheck check --url http://localhost:3000/webhooks --profile"
                + " standard --secret \"$HOOKCHECK_SECRET\"");
        return Stream.of(
                Arguments.of("verifies nothing, no probe", run(Flaw.NO_VERIFICATION.receiver("standard"), "standard")
                        .withInvocation(command)),
                Arguments.of("echoes the signature", run(Flaw.ECHOES_EXPECTED_SIGNATURE.receiver("vitable"), "vitable")),
                Arguments.of("correct", run(ReferenceReceiver.correct("github"), "github")));
    }

    private static Report run(ReferenceReceiver receiver, String profile) {
        try (ReferenceReceiver app = receiver.start()) {
            List<CheckResult> results = Conformance.run(Receiver.of(app.url().toString(), profile,
                    Secrets.of(profile)));
            return new Report(profile, app.url().toString(), Instant.now(), 1234, results);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void reportHtmlHasNoAccessibilityViolation(String name, Report report) throws IOException {
        Files.createDirectories(PAGES);
        Path page = PAGES.resolve(name.replaceAll("\\W+", "-") + ".html");
        Files.writeString(page, report.toHtml(), StandardCharsets.UTF_8);
        browser.get(page.toAbsolutePath().toUri().toString());

        assertThat(violations()).as("axe-core on %s as rendered", page).isEmpty();
        browser.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
        assertThat(violations()).as("axe-core on %s with every check unfolded", page).isEmpty();
    }

    /** Each violation as {@code rule (impact): help, at selectors}. */
    @SuppressWarnings("unchecked")
    private static List<String> violations() {
        browser.executeScript(axe);
        Object found = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map(v => v.id + ' ('"
                + " + v.impact + '): ' + v.help + ', at ' + v.nodes.map(n => n.target.join(' ')).join('; '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) found;
    }
}
