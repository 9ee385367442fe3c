package io.ringbridge;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module graph of docs/ARCHITECTURE.md: modules (top-level packages under {@code io.ringbridge}) form no cycle;
 * {@code simulator} and {@code ringcentral} depend on nothing else of the project; {@code platform} is the
 * base everything may use and that uses nothing.
 */
@AnalyzeClasses(packages = "io.ringbridge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modulesFormNoCycle = slices().matching("io.ringbridge.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule simulatorStandsAlone = standsAlone("simulator");

    @ArchTest
    static final ArchRule ringCentralClientStandsAlone = standsAlone("ringcentral");

    @ArchTest
    static final ArchRule platformStandsAlone = standsAlone("platform");

    private static ArchRule standsAlone(String module) {
        String own = "io.ringbridge." + module + "..";
        return classes().that().resideInAPackage(own)
                .should().onlyDependOnClassesThat(resideInAPackage(own).or(not(resideInAPackage("io.ringbridge.."))))
                .as(module + " depends on nothing else in io.ringbridge")
                .allowEmptyShould(true);
    }
}
