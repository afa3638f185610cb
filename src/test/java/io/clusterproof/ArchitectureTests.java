package io.clusterproof;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import org.springframework.data.repository.Repository;

@AnalyzeClasses(packages = "io.clusterproof", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule views_never_touch_repositories = noClasses()
            .that()
            .resideInAPackage("..ui..")
            .should()
            .dependOnClassesThat()
            .areAssignableTo(Repository.class)
            .because("views call application services only");

    @ArchTest
    static final ArchRule rest_controllers_never_touch_repositories = noClasses()
            .that()
            .resideInAPackage("..api..")
            .should()
            .dependOnClassesThat()
            .areAssignableTo(Repository.class);

    @ArchTest
    static final ArchRule modules_have_no_cycles =
            slices().matching("io.clusterproof.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule services_never_depend_on_views = noClasses()
            .that()
            .resideOutsideOfPackages("..ui..")
            .and()
            .resideOutsideOfPackage("io.clusterproof.access") // the security configuration names the login view
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..ui..")
            .because("modules talk forward; the UI sits on top");

    @ArchTest
    static final ArchRule repositories_are_package_private = classes()
            .that()
            .areAssignableTo(Repository.class)
            .should()
            .notBePublic()
            .because("a module's storage is its own business");

    @ArchTest
    static final ArchRule nothing_in_the_product_depends_on_the_demo = noClasses()
            .that()
            .resideOutsideOfPackage("io.clusterproof.demo..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.clusterproof.demo..")
            .because("the demo uses the product's public services; the product works the same without it");

    @ArchTest
    static final ArchRule nobody_reads_the_system_clock_directly = noClasses()
            .that()
            .resideInAPackage("io.clusterproof..")
            .should()
            .callMethod(Instant.class, "now")
            .because("time comes from the injected Clock");
}
