package dev.hookcheck.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.Category;
import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.CheckInfo;
import dev.hookcheck.conformance.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules of the diagnosis catalog as data: they name real checks, and whatever fails, each failed
 * check is explained once or stands alone. Which flaw gets which diagnosis is DetectionMatrixTest's.
 */
class DiagnosesTest {
    @Test
    void everyRuleNamesChecksOfTheCatalogAndAStableId() {
        Set<String> known = Checks.all().stream().map(CheckInfo::id).collect(Collectors.toSet());

        assertThat(Diagnoses.CATALOG).extracting(Diagnoses.Rule::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z]+(-[a-z]+)*"));
        assertThat(Diagnoses.CATALOG).allSatisfy(rule -> {
            assertThat(known).containsAll(rule.members()).containsAll(rule.passing());
            assertThat(rule.atLeast()).isBetween(1, rule.members().size());
        });
    }

    @Test
    void theReadmeListsEveryDiagnosisInCatalogOrder() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("(?m)^\\| `([a-z-]+)` \\| ").matcher(
                readme.substring(readme.indexOf("**Diagnoses.**"), readme.indexOf("**Reproduce one check.**")));
        List<String> listed = new ArrayList<>();
        while (rows.find()) {
            listed.add(rows.group(1));
        }

        assertThat(listed).containsExactlyElementsOf(Diagnoses.CATALOG.stream().map(Diagnoses.Rule::id).toList());
    }

    @Test
    void whateverFailsEachFailedCheckIsExplainedOnceOrStandsAlone() {
        SplittableRandom random = new SplittableRandom(16);
        for (int run = 0; run < 2_000; run++) {
            List<CheckResult> results = new ArrayList<>();
            for (CheckInfo check : Checks.all()) {
                results.add(result(check.id(), random.nextInt(4) == 0 ? CheckResult.Outcome.FAILED
                        : CheckResult.Outcome.PASSED, CheckResult.Cause.CHECKED));
            }
            Report report = new Report("standard", "http://x", java.time.Instant.EPOCH, 0, results);
            List<String> diagnosed = report.diagnoses().stream().flatMap(d -> d.ids().stream()).toList();
            Set<String> failed = results.stream().filter(CheckResult::failed).map(CheckResult::id)
                    .collect(Collectors.toSet());

            assertThat(diagnosed).doesNotHaveDuplicates();
            Set<String> all = new HashSet<>(diagnosed);
            report.otherFailures().forEach(r -> all.add(r.id()));
            assertThat(all).isEqualTo(failed);
            assertThat(report.ordered()).hasSameSizeAs(results);
        }
    }

    @Test
    void aFailureHookcheckOrTheProbeCausedIsNeverDiagnosed() {
        List<CheckResult> results = Checks.all().stream().map(check -> result(check.id(), CheckResult.Outcome.FAILED,
                check.id().startsWith("SIG") ? CheckResult.Cause.HOOKCHECK_ERROR : CheckResult.Cause.PROBE_ERROR))
                .toList();

        assertThat(Diagnoses.of(results)).isEmpty();
    }

    @Test
    void theMostSpecificDiagnosisClaimsACheckFirst() {
        // a wrong key fails SIG-015 too: the secret mismatch explains it, not a re-serialized body
        List<CheckResult> results = new ArrayList<>();
        for (CheckInfo check : Checks.all()) {
            boolean failed = List.of("SIG-001", "SIG-012", "SIG-014", "SIG-015", "RPL-002").contains(check.id());
            results.add(result(check.id(), failed ? CheckResult.Outcome.FAILED : CheckResult.Outcome.PASSED,
                    CheckResult.Cause.CHECKED));
        }

        assertThat(Diagnoses.of(results)).extracting(Diagnosis::id).containsExactly("secret-mismatch");
    }

    @Test
    void aDiagnosisThatNeedsACheckPassedDoesNotHoldWhenItDidNotRun() {
        List<CheckResult> results = new ArrayList<>();
        for (String id : List.of("SIG-002", "SIG-005", "SIG-006")) { // SIG-001 not selected
            results.add(result(id, CheckResult.Outcome.FAILED, CheckResult.Cause.CHECKED));
        }

        assertThat(Diagnoses.of(results)).isEmpty();
    }

    private static CheckResult result(String id, CheckResult.Outcome outcome, CheckResult.Cause cause) {
        CheckInfo check = Checks.find(id).orElseThrow();
        return new CheckResult(id, check.title(), Category.SIGNATURE, Level.required(), outcome, cause,
                "[" + id + "] " + check.title() + ": " + (outcome == CheckResult.Outcome.PASSED ? "passed"
                        : "expected this, got that. Hint: " + check.hint()), check.hint(), 1, null);
    }
}
