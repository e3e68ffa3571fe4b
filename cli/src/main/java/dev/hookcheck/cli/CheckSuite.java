package dev.hookcheck.cli;

import dev.hookcheck.conformance.Options;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.junit.ContractTests;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The Jupiter test class {@code check} hands to the JUnit Platform launcher: its dynamic tests are
 * the selected checks. The receiver and options of a run reach it through a registry keyed by the
 * launcher request's {@value #RUN} configuration parameter.
 */
@ExtendWith(CheckSuite.RunResolver.class)
class CheckSuite {
    static final String RUN = "hookcheck.run";
    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

    /** What one {@code check} runs: the checks the options select against the receiver. */
    record Run(Receiver receiver, Options options) {}

    @TestFactory
    Stream<DynamicTest> checks(Run run) {
        return ContractTests.of(run.receiver(), run.options());
    }

    /** Registers a run until {@link #forget}; the id goes into the launcher request. */
    static String register(Run run) {
        String id = UUID.randomUUID().toString();
        RUNS.put(id, run);
        return id;
    }

    static void forget(String id) {
        RUNS.remove(id);
    }

    /** Gives {@link #checks} the run its launcher request names. */
    static final class RunResolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Run.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            String id = context.getConfigurationParameter(RUN).orElseThrow(() -> new IllegalStateException(
                    "CheckSuite runs only through hookcheck check (configuration parameter " + RUN + " missing)"));
            Run run = RUNS.get(id);
            if (run == null) {
                throw new IllegalStateException("no hookcheck run registered as " + id);
            }
            return run;
        }
    }
}
