package io.rmaflow.api;

import io.rmaflow.upgrade.CaseMigration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Model upgrades with open cases, for administrators (README, Upgrades): the declared
 * migration plans, a dry run of one (which cases would move, which stay and why), and the
 * move itself, started as Camunda batches that Cockpit shows under Batches.
 */
@RestController
@RequestMapping(path = "/api/admin/migrations", produces = "application/json")
@Tag(name = "Migrations", description = "Open cases moved to a new model version (administrators)")
@SecurityRequirement(name = "basic")
public class MigrationController {

  private final CaseMigration migration;

  MigrationController(CaseMigration migration) {
    this.migration = migration;
  }

  @GetMapping
  @Operation(summary = "List the declared migration plans, whether their target version is deployed, and their open cases")
  public List<CaseMigration.PlanSummary> plans() {
    return migration.plans();
  }

  @GetMapping("/{plan}")
  @Operation(summary = "Dry run: which open cases the plan would move, and which stay on their version and why; changes nothing")
  @ApiResponse(responseCode = "404", description = "No such plan")
  @ApiResponse(responseCode = "409", description = "The plan's target version is not deployed")
  public CaseMigration.DryRun dryRun(@PathVariable String plan) {
    return migration.dryRun(plan);
  }

  @PostMapping("/{plan}")
  @Operation(summary = "Move every case the dry run lets move, as Camunda batches (one per source version)")
  @ApiResponse(responseCode = "202", description = "Batches started; Cockpit shows them under Batches")
  @ApiResponse(responseCode = "404", description = "No such plan")
  @ApiResponse(responseCode = "409", description = "The plan's target version is not deployed")
  public ResponseEntity<CaseMigration.Started> migrate(@PathVariable String plan) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(migration.migrate(plan));
  }
}
