package io.rmaflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmaflow.process.RmaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RmaSpringBootTest
class RmaFlowApplicationTest {

  @Autowired RepositoryService repositoryService;

  @Test
  void everyModelAndFormOfTheProjectIsDeployedUnderItsProjectPath() throws IOException {
    List<String> projectFiles = Stream.concat(files("bpmn"), files("forms")).toList();
    String deploymentId = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(RmaProcess.KEY).latestVersion().singleResult().getDeploymentId();

    List<String> deployed = repositoryService.getDeploymentResources(deploymentId).stream().map(Resource::getName).toList();

    assertThat(projectFiles).hasSizeGreaterThanOrEqualTo(16);
    assertThat(deployed).containsExactlyInAnyOrderElementsOf(projectFiles);
  }

  @Test
  void everyProcessAndDecisionKeepsItsHistoryForAYear() {
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(RmaProcess.KEY).singleResult()
        .getHistoryTimeToLive()).isEqualTo(365);
    List<DecisionDefinition> decisions = repositoryService.createDecisionDefinitionQuery().list();
    assertThat(decisions).extracting(DecisionDefinition::getKey)
        .containsExactlyInAnyOrder("warranty-start", "warranty-length", "warranty-coverage", "onsite-visit-days");
    assertThat(decisions).allSatisfy(decision -> assertThat(decision.getHistoryTimeToLive()).isEqualTo(365));
  }

  private static Stream<String> files(String folder) throws IOException {
    try (Stream<Path> paths = Files.list(Path.of(folder))) {
      return paths.map(path -> folder + "/" + path.getFileName())
          .filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))
          .toList().stream();
    }
  }
}
