package dev.unibox.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The quality rule engine is plain Java: it runs on the send path and in the benchmark without Vert.x. */
class QualityRulesDependencyTest {

  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.unibox");

  @Test
  void theRuleEngineImportsNothingOfVertxOrTheService() {
    noClasses().that().resideInAPackage("dev.unibox.quality.rules..")
        .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "dev.unibox.web..", "dev.unibox.store..",
            "dev.unibox.ingest..", "dev.unibox.routing..", "dev.unibox.outbox..", "dev.unibox.gateway..",
            "dev.unibox.conversations..", "dev.unibox.events..", "dev.unibox.auth..")
        .check(classes);
  }
}
