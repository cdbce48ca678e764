package io.rmaflow.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.RmaFlowApplication;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules' boundaries, checked by Spring Modulith: no cycles, and every module uses only
 * the modules its {@code package-info.java} allows (ADR 15). The module diagrams in
 * {@code docs/modules} are Spring Modulith's own; this test fails when they no longer match the
 * code. {@code -Dmodules.write=true} writes them anew, with an SVG of each.
 */
class ModuleStructureTest {

  static final ApplicationModules MODULES = ApplicationModules.of(RmaFlowApplication.class);
  static final Path DOCS = Path.of("docs", "modules");

  @Test
  void modulesFormNoCycleAndUseOnlyTheModulesTheyDeclare() {
    MODULES.verify();
  }

  @Test
  void theModuleDiagramsInDocsAreSpringModulithsOwnForTheCodeAsItIs() throws IOException {
    Path generated = Path.of("target", "module-docs");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml();
    if (Boolean.getBoolean("modules.write")) {
      write(generated);
    }
    for (Path diagram : diagrams(generated)) {
      Path documented = DOCS.resolve(diagram.getFileName());
      assertThat(documented).as("%s is in docs/modules; run ./mvnw test -Dtest=ModuleStructureTest -Dmodules.write=true",
          diagram.getFileName()).exists();
      // Spring Modulith writes elements and relations in no fixed order; the lines are what must match.
      assertThat(sortedLines(documented)).as("%s matches the code; run ./mvnw test -Dtest=ModuleStructureTest "
          + "-Dmodules.write=true", documented).isEqualTo(sortedLines(diagram));
    }
    assertThat(diagrams(DOCS)).as("diagrams of modules that no longer exist")
        .allSatisfy(documented -> assertThat(generated.resolve(documented.getFileName())).exists());
  }

  private static void write(Path generated) throws IOException {
    Files.createDirectories(DOCS);
    for (Path stale : diagrams(DOCS)) {
      Files.delete(stale);
      Files.deleteIfExists(svgOf(stale));
    }
    for (Path diagram : diagrams(generated)) {
      Path documented = DOCS.resolve(diagram.getFileName());
      Files.copy(diagram, documented);
      // The built-in layout draws without Graphviz; the .puml stays as Spring Modulith wrote it.
      String source = Files.readString(diagram).replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
      try (OutputStream svg = Files.newOutputStream(svgOf(documented))) {
        new SourceStringReader(source).outputImage(svg, new FileFormatOption(FileFormat.SVG));
      }
    }
  }

  private static Path svgOf(Path diagram) {
    return diagram.resolveSibling(diagram.getFileName().toString().replaceAll("\\.puml$", ".svg"));
  }

  private static List<Path> diagrams(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(".puml")).sorted().toList();
    }
  }

  private static List<String> sortedLines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream().sorted().toList();
  }
}
