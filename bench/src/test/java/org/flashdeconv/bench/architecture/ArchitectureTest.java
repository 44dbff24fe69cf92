package org.flashdeconv.bench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of the module structure, checked on the production classes of every module (bench sees them all):
 * the engine uses the JDK only, dependencies point one way (cli -> io -> engine), nothing depends on the
 * benchmarks, only the spark module uses Spark, and nothing touches the incubator module.
 */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // the modules' shared test-jars
                .importPackages("org.flashdeconv");
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }

    @Test
    void everyModuleIsImported() {
        for (String module : new String[] {"engine", "io", "cli", "bench"}) {
            assertTrue(production.containPackage("org.flashdeconv." + module), module);
        }
    }

    @Test
    void theEngineUsesTheJdkOnly() {
        check(classes().that().resideInAPackage("org.flashdeconv.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.flashdeconv.engine..", "java..")
                .because("the engine is the algorithm on the JDK alone: no files, formats, commands or logging"));
    }

    /**
     * A dependency that must not exist: no class in the {@code from} packages may use a class in the {@code to}
     * packages.
     */
    private record Forbidden(String name, List<String> from, List<String> to, String because) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Forbidden> forbiddenDependencies() {
        List<String> production = List.of("org.flashdeconv.engine..", "org.flashdeconv.io..",
                "org.flashdeconv.cli..");
        List<String> all = List.of("org.flashdeconv.engine..", "org.flashdeconv.io..", "org.flashdeconv.cli..",
                "org.flashdeconv.spark..");
        return Stream.of(
                new Forbidden("io does not use the command line", List.of("org.flashdeconv.io.."),
                        List.of("org.flashdeconv.cli.."), "dependencies point one way: cli -> io -> engine"),
                new Forbidden("only the spark module uses Spark or Hadoop", production,
                        List.of("org.apache.spark..", "org.apache.hadoop..", "scala.."),
                        "Spark is provided by a cluster to the spark module only: the launcher, the demo and batch "
                                + "must not need it"),
                new Forbidden("nothing uses the benchmarks", all, List.of("org.flashdeconv.bench.."),
                        "bench holds measurements, no production code"),
                new Forbidden("nothing uses the incubator module", all, List.of("jdk.incubator.vector.."),
                        "nothing may need the incubator module to build, test or run (its kernels measured no gain "
                                + "over the engine's loops and were removed, bench/README.md)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forbiddenDependencies")
    void forbiddenDependenciesAreAbsent(Forbidden rule) {
        check(noClasses().that().resideInAnyPackage(rule.from().toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(rule.to().toArray(String[]::new))
                .because(rule.because()));
    }
}
