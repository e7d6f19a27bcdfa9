package dev.booking.domain;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class DomainArchitectureTest {

    @Test
    void the_domain_depends_on_neither_hazelcast_nor_the_web() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.booking.domain");
        noClasses().that().resideInAPackage("dev.booking.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("com.hazelcast..", "io.javalin..",
                        "com.fasterxml..", "dev.booking.engine..", "dev.booking.web..")
                .check(classes);
    }
}
