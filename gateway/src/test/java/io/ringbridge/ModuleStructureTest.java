package io.ringbridge;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The gateway's modules (the packages directly under {@code io.ringbridge}) form no cycle, use each other only
 * through the types a module exposes, and keep to the dependencies their {@code package-info.java} allows. The
 * simulator is a separate artifact on the classpath, not a module of the gateway.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES =
            ApplicationModules.of(RingBridgeApplication.class, resideInAPackage("io.ringbridge.simulator.."));

    @Test
    void modulesFormAnAcyclicGraphOfPublicApis() {
        MODULES.verify();
    }
}
