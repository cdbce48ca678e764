package io.rmaflow.api;

import io.rmaflow.sla.SlaQueryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Service-level health for process owners and their dashboards. */
@RestController
@RequestMapping(path = "/api/sla", produces = "application/json")
@Tag(name = "Service levels", description = "What is overdue or at risk now")
@SecurityRequirement(name = "basic")
public class SlaController {

  private final SlaQueryService slaQueries;

  SlaController(SlaQueryService slaQueries) {
    this.slaQueries = slaQueries;
  }

  @GetMapping("/tasks")
  @Operation(summary = "Open tasks past their deadline (OVERDUE) or close to it (AT_RISK)",
      description = "Deadlines and lateness count working time only; most urgent first.")
  public List<SlaQueryService.DueTask> tasks(@RequestParam(defaultValue = "OVERDUE") SlaQueryService.State state) {
    return slaQueries.tasks(state);
  }
}
