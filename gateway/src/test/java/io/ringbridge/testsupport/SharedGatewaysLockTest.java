package io.ringbridge.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Test classes run in parallel: a class that uses a shared gateway without taking its lock would race another. */
class SharedGatewaysLockTest {

    @Test
    void everyTestClassUsingASharedGatewayTakesTheSharedGatewaysLock() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("io.ringbridge");

        noClasses().that().resideOutsideOfPackage(Gateways.class.getPackageName())
                .and(describe("are not annotated @SharedGateways",
                        type -> !type.getEnclosingClass().orElse(type).isAnnotatedWith(SharedGateways.class)))
                .should().callMethodWhere(describe("the method belongs to Gateways",
                        call -> call.getTargetOwner().isEquivalentTo(Gateways.class)))
                .check(tests);
    }
}
