package dev.unibox.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering DESIGN.md asks for, checked on the compiled classes. */
class DependencyRulesTest {

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.unibox");

  @Test
  void domainImportsNothingOfVertxOrTheRestOfTheService() {
    noClasses().that().resideInAPackage("dev.unibox.domain..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "dev.unibox.web..", "dev.unibox.store..",
            "dev.unibox.ingest..", "dev.unibox.routing..", "dev.unibox.outbox..", "dev.unibox.gateway..")
        .check(classes);
  }

  @Test
  void adaptersNeverDependOnTheBackend() {
    noClasses().that().resideInAPackage("dev.unibox.adapters..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.unibox.config..", "dev.unibox.store..",
            "dev.unibox.ingest..", "dev.unibox.routing..", "dev.unibox.outbox..", "dev.unibox.web..",
            "dev.unibox.auth..", "dev.unibox.gateway..", "dev.unibox.events..", "dev.unibox.conversations..")
        .check(classes);
  }

  @Test
  void onlyTheWebLayerAndFeatureRoutesTouchHttpRouting() {
    noClasses().that().resideInAnyPackage("dev.unibox.domain..", "dev.unibox.store..", "dev.unibox.events..")
        .should().dependOnClassesThat().resideInAPackage("io.vertx.ext.web..")
        .check(classes);
  }
}
