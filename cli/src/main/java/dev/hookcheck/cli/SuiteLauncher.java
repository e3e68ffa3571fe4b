package dev.hookcheck.cli;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Options;
import dev.hookcheck.conformance.Receiver;
import java.util.List;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs {@link CheckSuite} through the JUnit Platform launcher, with nothing on the classpath joining in. */
final class SuiteLauncher {
    private SuiteLauncher() {}

    /** The selected checks' results, in the order they ran; each one is printed by the listener as it ends. */
    static List<CheckResult> run(Receiver receiver, Options options, LiveProgress progress) {
        String id = CheckSuite.register(new CheckSuite.Run(receiver, options.listener(progress)));
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(CheckSuite.class))
                    .enableImplicitConfigurationParameters(false)
                    .configurationParameter(CheckSuite.RUN, id)
                    .build();
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestEngineAutoRegistration(false)
                    .addTestEngines(new JupiterTestEngine())
                    .enableTestExecutionListenerAutoRegistration(false)
                    .enableLauncherSessionListenerAutoRegistration(false)
                    .enableLauncherDiscoveryListenerAutoRegistration(false)
                    .enablePostDiscoveryFilterAutoRegistration(false)
                    .build());
            launcher.execute(request, progress);
        } finally {
            CheckSuite.forget(id);
        }
        progress.broken().ifPresent(cause -> {
            throw new IllegalStateException("the check run did not complete: " + cause, cause);
        });
        return progress.results();
    }
}
