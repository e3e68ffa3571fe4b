package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundary the README promises, as code: the published packages of every module (what consumers
 * may depend on) never show an internal type in a public signature, and the package graph has no
 * cycle. A published package and the {@code internal} packages under it are one unit (the facade
 * calls its implementation, the implementation uses the facade's value types); every other pair of
 * packages depends one way only.
 */
class ArchitectureTest {
    /** What consumers may depend on; every other package of the project is an implementation detail. */
    static final Set<String> PUBLISHED = Set.of(
            "dev.hookcheck.core", "dev.hookcheck.core.signing", "dev.hookcheck.core.profile", "dev.hookcheck.core.event",
            "dev.hookcheck.core.time",
            "dev.hookcheck.conformance", "dev.hookcheck.conformance.junit", "dev.hookcheck.conformance.report",
            "dev.hookcheck.mock", "dev.hookcheck.mock.junit",
            "dev.hookcheck.cli");
    /** Every module's packages. */
    static final List<String> MODULES = List.of("dev.hookcheck.core", "dev.hookcheck.mock", "dev.hookcheck.conformance",
            "dev.hookcheck.cli");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // in a full reactor build the test classes of conformance-tests arrive as its test jar
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages(MODULES);

    private static boolean published(JavaClass type) {
        return PUBLISHED.contains(type.getPackageName());
    }

    private static boolean ours(JavaClass type) {
        return type.getPackageName().startsWith("dev.hookcheck.");
    }

    private static boolean exposed(JavaClass type) {
        return published(type) && type.getModifiers().contains(JavaModifier.PUBLIC);
    }

    @Test
    void everyModuleIsRead() {
        assertThat(CLASSES.stream().map(JavaClass::getName)).contains("dev.hookcheck.core.Secret",
                "dev.hookcheck.mock.MockServer",
                "dev.hookcheck.conformance.Receiver", "dev.hookcheck.conformance.internal.check.Runner",
                "dev.hookcheck.cli.Hookcheck");
    }

    @Test
    void aCycleIsFoundWithItsSteps() {
        Map<String, Map<String, String>> graph = new TreeMap<>();
        graph.put("a", new TreeMap<>(Map.of("b", "A -> B")));
        graph.put("b", new TreeMap<>(Map.of("c", "B -> C")));
        graph.put("c", new TreeMap<>(Map.of("a", "C -> A", "d", "C -> D")));
        assertThat(cycles(graph)).containsExactly("a <-> b <-> c:\n    A -> B\n    B -> C\n    C -> A");
        assertThat(oneUnit("dev.hookcheck.conformance", "dev.hookcheck.conformance.internal.check")).isTrue();
        assertThat(oneUnit("dev.hookcheck.conformance.junit", "dev.hookcheck.conformance.internal")).isFalse();
    }

    @Test
    void noPublishedSignatureShowsAnInternalType() {
        List<String> leaks = new ArrayList<>();
        for (JavaClass type : CLASSES) {
            if (!exposed(type) || type.isAnonymousClass() || type.isLocalClass()) {
                continue;
            }
            Stream.concat(type.getRawInterfaces().stream(), type.getRawSuperclass().stream())
                    .filter(t -> ours(t) && !published(t))
                    .forEach(t -> leaks.add(type.getName() + " extends or implements " + t.getName()));
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                if (!visible(unit.getModifiers())) {
                    continue;
                }
                List<JavaType> involved = new ArrayList<>(unit.getParameterTypes());
                involved.add(unit.getReturnType());
                unit.getThrowsClause().getTypes().forEach(involved::add);
                involved.stream().flatMap(t -> t.getAllInvolvedRawTypes().stream())
                        .filter(t -> ours(t) && !published(t))
                        .forEach(t -> leaks.add(unit.getFullName() + " uses " + t.getName()));
            }
            for (JavaField field : type.getFields()) {
                if (visible(field.getModifiers())) {
                    field.getType().getAllInvolvedRawTypes().stream().filter(t -> ours(t) && !published(t))
                            .forEach(t -> leaks.add(field.getFullName() + " is a " + t.getName()));
                }
            }
        }
        assertThat(leaks).as("public signatures of published types that show an internal type").isEmpty();
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    @Test
    void everyPackageOfTheProjectIsPublishedOrInternal() {
        Set<String> stray = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            String pkg = type.getPackageName();
            if (!published(type) && !pkg.contains(".internal")) {
                stray.add(pkg);
            }
        }
        assertThat(stray).as("packages that are neither in the published list nor under an internal package").isEmpty();
    }

    @Test
    void thePackageGraphHasNoCycle() {
        Map<String, Map<String, String>> edges = new TreeMap<>();
        for (JavaClass type : CLASSES) {
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                String from = type.getPackageName();
                String to = target.getPackageName();
                if (!ours(target) || from.equals(to) || oneUnit(from, to)) {
                    continue;
                }
                edges.computeIfAbsent(from, k -> new TreeMap<>()).putIfAbsent(to, type.getName() + " -> "
                        + target.getName());
            }
        }
        List<String> cycles = cycles(edges);
        assertThat(cycles).as("package cycles (an example dependency per step)").isEmpty();
    }

    /** A published package and the internal packages under it (and one of those and its parent) are one unit. */
    static boolean oneUnit(String a, String b) {
        return ownsInternal(a, b) || ownsInternal(b, a);
    }

    private static boolean ownsInternal(String owner, String pkg) {
        return pkg.startsWith(owner + ".internal");
    }

    /** Every strongly connected set of more than one package, with the example dependencies along it. */
    static List<String> cycles(Map<String, Map<String, String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new LinkedHashSet<>();
        List<String> found = new ArrayList<>();
        int[] counter = {0};
        Set<String> nodes = new TreeSet<>(edges.keySet());
        edges.values().forEach(m -> nodes.addAll(m.keySet()));
        for (String node : nodes) {
            if (!index.containsKey(node)) {
                connect(node, edges, index, low, stack, onStack, counter, found);
            }
        }
        return found;
    }

    private static void connect(String node, Map<String, Map<String, String>> edges, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, int[] counter, List<String> found) {
        index.put(node, counter[0]);
        low.put(node, counter[0]++);
        stack.push(node);
        onStack.add(node);
        for (String next : edges.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, edges, index, low, stack, onStack, counter, found);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                StringBuilder cycle = new StringBuilder(String.join(" <-> ", component)).append(':');
                for (String from : component) {
                    edges.getOrDefault(from, Map.of()).forEach((to, example) -> {
                        if (component.contains(to)) {
                            cycle.append("\n    ").append(example);
                        }
                    });
                }
                found.add(cycle.toString());
            }
        }
    }
}
