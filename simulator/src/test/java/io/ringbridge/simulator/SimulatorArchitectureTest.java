package io.ringbridge.simulator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The simulator stands alone: no other RingBridge code, only the JDK, the servlet API, Tomcat and Jackson. */
@AnalyzeClasses(packages = "io.ringbridge.simulator", importOptions = ImportOption.DoNotIncludeTests.class)
class SimulatorArchitectureTest {

    @ArchTest
    static final ArchRule noOtherRingBridgeCode = noClasses().that().resideInAPackage("io.ringbridge.simulator..")
            .should().dependOnClassesThat(resideInAPackage("io.ringbridge..")
                    .and(not(resideInAPackage("io.ringbridge.simulator.."))));

    @ArchTest
    static final ArchRule onlyPlainLibraries = classes().that().resideInAPackage("io.ringbridge.simulator..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.ringbridge.simulator..", "java..",
                    "javax.crypto..", "javax.net..", "jakarta.servlet..", "org.apache.catalina..",
                    "org.apache.coyote..", "org.apache.tomcat..", "tools.jackson..", "com.fasterxml.jackson..", "");
}
