package org.flashdeconv.bench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of the module structure, checked on the production classes of every module (bench sees them all):
 * the engine uses the JDK only, dependencies point one way (cli -> io -> engine), nothing depends on the
 * benchmarks, only the spark module uses Spark, and only the Vector API kernels touch the incubator module.
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
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.flashdeconv.engine..", "java..",
                        "jdk.incubator.vector..")
                .because("the engine is the algorithm on the JDK alone: no files, formats, commands or logging"));
    }

    @Test
    void ioDoesNotDependOnTheCommandLine() {
        check(noClasses().that().resideInAPackage("org.flashdeconv.io..")
                .should().dependOnClassesThat().resideInAPackage("org.flashdeconv.cli..")
                .because("dependencies point one way: cli -> io -> engine"));
    }

    @Test
    void onlyTheSparkModuleUsesSparkOrHadoop() {
        check(noClasses().that().resideInAnyPackage("org.flashdeconv.engine..", "org.flashdeconv.io..",
                        "org.flashdeconv.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..",
                        "scala..")
                .because("Spark is provided by a cluster to the spark module only: the launcher, the demo and "
                        + "batch must not need it"));
    }

    @Test
    void nothingDependsOnTheBenchmarks() {
        check(noClasses().that().resideOutsideOfPackage("org.flashdeconv.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.flashdeconv.bench..")
                .because("bench holds measurements, no production code"));
    }

    @Test
    void onlyTheVectorKernelsUseTheIncubatorModule() {
        check(noClasses().that().doNotHaveFullyQualifiedName("org.flashdeconv.engine.simd.VectorKernels")
                .and().doNotHaveFullyQualifiedName("org.flashdeconv.engine.simd.VectorKernels$1")
                .should().dependOnClassesThat().resideInAPackage("jdk.incubator.vector..")
                .because("nothing may need the incubator module to build, test or run (STYLE.md, SIMD)"));
    }
}
