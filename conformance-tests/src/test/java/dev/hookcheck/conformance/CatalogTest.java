package dev.hookcheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalog's own rules, and its table per profile in {@code target/check-catalog.md}. */
class CatalogTest {
    private static final List<CheckInfo> ALL = Checks.all();

    @Test
    void idsAreUniqueWellFormedAndInOrder() {
        assertThat(ALL).extracting(CheckInfo::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("(SIG|RPL|IDM|ROB|CON|HSK)-\\d{3}"));
        assertThat(ALL.stream().map(CheckInfo::id).filter(id -> id.startsWith("SIG")).toList())
                .isSortedAccordingTo(String::compareTo);
    }

    @Test
    void titlesReadAsSentencesAndHintsAndRationalesEndLikeOne() {
        assertThat(ALL).allSatisfy(check -> {
            assertThat(check.title()).matches("[a-z].*[^.]");
            assertThat(check.hint()).matches("[a-z].*\\.");
            assertThat(check.why()).matches("[A-Z].*\\.");
            assertThat(check.sends()).isNotBlank();
            assertThat(check.expects()).isNotBlank();
        });
    }

    @Test
    void everyCheckHasALevelForEveryProfileAndEveryProfileRequiresMostOfThem() {
        for (String profile : Profiles.names()) {
            Receiver receiver = Receiver.of("http://localhost:1/", profile, Secret.of("secret-" + profile));
            assertThat(ALL).allSatisfy(check -> assertThat(check.level(receiver)).isNotNull());
            // a scheme that is no declarative spec (Twitch's RFC 3339 timestamps) cannot have its header syntax
            // rewritten, so the checks that need that do not apply to it
            boolean wireKnown = dev.hookcheck.conformance.internal.Wire.of(receiver.profile().scheme()).isPresent();
            // deliveries without an event id (Dropbox's) leave nothing to count side effects by
            boolean keyed = receiver.profile().fields().carriesKey();
            assertThat(ALL.stream().filter(c -> c.level(receiver).kind() == Level.Kind.REQUIRED).count())
                    .as(profile).isGreaterThanOrEqualTo(!keyed ? 16 : wireKnown ? 24 : 20);
            if (!keyed) {
                assertThat(ALL).filteredOn(CheckInfo::needsProbe)
                        .allSatisfy(check -> assertThat(check.level(receiver).isApplicable()).isFalse());
            }
        }
    }

    @Test
    void theCatalogTableIsWritten() throws IOException {
        List<String> profiles = Profiles.names();
        StringBuilder md = new StringBuilder("| id | title | category | " + String.join(" | ", profiles) + " |\n|---|---|---|"
                + "---|".repeat(profiles.size()) + "\n");
        for (CheckInfo check : ALL) {
            md.append("| ").append(check.id()).append(" | ").append(check.title()).append(" | ")
                    .append(check.category().code()).append(" | ");
            md.append(profiles.stream().map(p -> levelCell(check.level(Receiver.of("http://localhost:1/", p,
                    Secret.of("secret-" + p))))).collect(Collectors.joining(" | "))).append(" |\n");
        }
        Path out = Path.of("target/check-catalog.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        assertThat(out).isNotEmptyFile();
    }

    private static String levelCell(Level level) {
        return switch (level.kind()) {
            case REQUIRED -> "required";
            case RECOMMENDED -> "recommended";
            case NOT_APPLICABLE -> "n/a";
        };
    }
}
