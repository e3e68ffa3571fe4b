package dev.hookcheck.core.profile;

import java.util.random.RandomGenerator;

/** Makes a new signing secret in a provider's format, from the given random (the same seed, the same secret). */
@FunctionalInterface
public interface SecretGenerator {
    String generate(RandomGenerator random);
}
