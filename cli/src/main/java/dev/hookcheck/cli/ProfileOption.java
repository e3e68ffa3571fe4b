package dev.hookcheck.cli;

import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import java.util.ArrayList;

/** Reads a {@code --profile} value, naming the valid ones when it is none of them. */
final class ProfileOption {
    private ProfileOption() {}

    static Profile parse(String name) {
        return Profiles.find(name).orElseThrow(() -> new UsageError("unknown profile '" + name + "'; valid profiles: "
                + String.join(", ", Profiles.names())));
    }

    /** The built-in profile names, for {@code --help} ({@code ${COMPLETION-CANDIDATES}}). */
    static final class Names extends ArrayList<String> {
        Names() {
            super(Profiles.names());
        }
    }
}
