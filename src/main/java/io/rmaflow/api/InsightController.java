package io.rmaflow.api;

import io.rmaflow.insight.Insight;
import io.rmaflow.insight.InsightService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The figures behind the process owners' insight page in Cockpit; the page shows exactly this answer. */
@RestController
@RequestMapping(path = "/api/insight", produces = "application/json")
@Validated
@Tag(name = "Insight", description = "Open cases, waiting customers, missed service levels and turnaround times")
@SecurityRequirement(name = "basic")
public class InsightController {

  private final InsightService insights;

  InsightController(InsightService insights) {
    this.insights = insights;
  }

  @GetMapping
  @Operation(summary = "How the centre is doing now and over the last weeks",
      description = "For process owners, service managers and administrators. Also answers to a Camunda webapp "
          + "session (Cockpit), for reading only.")
  public Insight insight(
      @Parameter(description = "Weeks of history, the current one included")
      @RequestParam(defaultValue = "" + InsightService.DEFAULT_WEEKS) @Min(1) @Max(InsightService.MAX_WEEKS) int weeks) {
    return insights.insight(weeks);
  }
}
