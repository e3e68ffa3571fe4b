package dev.hookcheck.cli;

import dev.hookcheck.conformance.Level;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.CheckInfo;
import dev.hookcheck.conformance.Checks;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hookcheck checks [--profile P]}: the catalog, one aligned line per check. */
@Command(name = "checks", mixinStandardHelpOptions = true, versionProvider = Hookcheck.Version.class,
        description = {"Lists the check catalog: id, level for the profile, category and title.", ""})
final class ChecksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "P", defaultValue = Profiles.DEFAULT,
            description = "The provider whose levels are shown: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.",
            completionCandidates = ProfileOption.Names.class)
    String profile;

    @Override
    public Integer call() {
        Profile chosen = ProfileOption.parse(profile);
        // levels depend only on the profile; the receiver is never contacted
        Receiver receiver = Receiver.of(URI.create("http://localhost/"), chosen, Secret.of("unused"));
        List<CheckInfo> all = Checks.all();
        int levelWidth = Math.max("LEVEL".length(), all.stream().mapToInt(c -> c.level(receiver).code().length()).max()
                .orElse(0));
        int categoryWidth = Math.max("CATEGORY".length(), all.stream().mapToInt(c -> c.category().code().length())
                .max().orElse(0));
        String format = "%-7s  %-" + levelWidth + "s  %-" + categoryWidth + "s  %s%n";
        var out = spec.commandLine().getOut();
        out.printf(format, "ID", "LEVEL", "CATEGORY", "TITLE");
        for (CheckInfo check : all) {
            Level level = check.level(receiver);
            out.printf(format, check.id(), level.code(), check.category().code(), check.title());
        }
        out.printf("%n%d checks for profile %s (%s).%n", all.size(), chosen.name(), chosen.displayName());
        return 0;
    }
}
