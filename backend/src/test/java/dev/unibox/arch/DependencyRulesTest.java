package dev.unibox.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layering docs/architecture.md describes, checked on the compiled classes. */
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

  /** The quality rule engine runs on the send path and in the benchmark without Vert.x. */
  @Test
  void theQualityRuleEngineImportsNothingOfVertxOrTheService() {
    noClasses().that().resideInAPackage("dev.unibox.quality.rules..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "dev.unibox.web..", "dev.unibox.store..",
            "dev.unibox.ingest..", "dev.unibox.routing..", "dev.unibox.outbox..", "dev.unibox.gateway..",
            "dev.unibox.conversations..", "dev.unibox.events..", "dev.unibox.auth..")
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

  @Test
  void packagesFormNoCycles() {
    slices().matching("dev.unibox.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void configIsALeafThatImportsNoFeature() {
    noClasses().that().resideInAPackage("dev.unibox.config..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.unibox.accounts..", "dev.unibox.auth..",
            "dev.unibox.conversations..", "dev.unibox.demo..", "dev.unibox.events..", "dev.unibox.gateway..",
            "dev.unibox.ingest..", "dev.unibox.outbox..", "dev.unibox.polling..", "dev.unibox.quality..",
            "dev.unibox.routing..", "dev.unibox.shifts..", "dev.unibox.signals..", "dev.unibox.sla..",
            "dev.unibox.store..", "dev.unibox.web..")
        .check(classes);
  }
}
