package dev.hookcheck.core.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The built-in provider profiles: one per folder of {@code dev.hookcheck.core.internal.providers}, each
 * folder's {@code Provider} defining everything the provider is. Facts and their sources are in the
 * README's profile table; anything the provider does not publish is listed in {@link Profile#assumptions()}.
 */
public final class Profiles {
    /** The profile used when none is named. */
    public static final String DEFAULT = "standard";

    /** Where the providers' folders are: a package per provider, each with a class named {@code Provider}. */
    static final String PROVIDERS = "dev.hookcheck.core.internal.providers";

    private static final Map<String, Profile> BUILT_IN = new LinkedHashMap<>();

    static {
        discover().stream().sorted(Comparator.comparingInt(Profile::position).thenComparing(Profile::name))
                .forEach(p -> {
                    if (BUILT_IN.put(p.name(), p) != null) {
                        throw new IllegalStateException("two providers define the profile " + p.name());
                    }
                });
        if (!BUILT_IN.containsKey(DEFAULT)) {
            throw new IllegalStateException("no provider folder found under " + PROVIDERS + " on the class path");
        }
    }

    private Profiles() {}

    public static List<Profile> all() {
        return List.copyOf(BUILT_IN.values());
    }

    public static List<String> names() {
        return List.copyOf(BUILT_IN.keySet());
    }

    public static Optional<Profile> find(String name) {
        return Optional.ofNullable(BUILT_IN.get(name));
    }

    /** The named profile, or an error that lists the known names. */
    public static Profile get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown profile '" + name + "'; known profiles: " + String.join(", ", names())));
    }

    public static Profile defaultProfile() {
        return get(DEFAULT);
    }

    /** Every {@code PROVIDERS.<folder>.Provider} on the class path, from directories and jars alike. */
    private static List<Profile> discover() {
        String path = PROVIDERS.replace('.', '/');
        ClassLoader loader = Profiles.class.getClassLoader();
        Set<String> folders = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if (root.getProtocol().equals("file")) {
                    try (Stream<Path> entries = Files.list(Path.of(root.toURI()))) {
                        entries.filter(dir -> Files.isRegularFile(dir.resolve("Provider.class")))
                                .forEach(dir -> folders.add(dir.getFileName().toString()));
                    }
                } else if (root.openConnection() instanceof JarURLConnection jar) {
                    jar.setUseCaches(false);
                    try (JarFile file = jar.getJarFile()) {
                        file.stream().map(JarEntry::getName)
                                .filter(name -> name.startsWith(path + "/") && name.endsWith("/Provider.class"))
                                .map(name -> name.substring(path.length() + 1, name.length() - "/Provider.class".length()))
                                .filter(folder -> !folder.contains("/"))
                                .forEach(folders::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the provider folders under " + PROVIDERS, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return folders.stream().map(folder -> define(loader, PROVIDERS + "." + folder + ".Provider")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Profile define(ClassLoader loader, String className) {
        try {
            Object provider = Class.forName(className, true, loader).getConstructor().newInstance();
            return ((Supplier<Profile>) provider).get();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(className + " must be a public Supplier<Profile> with a public no-argument"
                    + " constructor", e);
        }
    }
}
