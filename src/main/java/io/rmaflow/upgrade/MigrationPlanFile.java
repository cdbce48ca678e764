package io.rmaflow.upgrade;

import java.util.List;
import java.util.Map;

/**
 * A migration plan as declared beside a model change, in {@code migration/<name>.json}: the
 * process, the versions (their {@code camunda:versionTag}) whose open cases it moves, the
 * version it moves them to, the elements renamed on the way ({@code instructions}; elements
 * of equal id map by themselves), and the elements where a case keeps its version, each with
 * the reason.
 *
 * @param name the file's name without {@code .json}
 */
public record MigrationPlanFile(
    String name,
    String process,
    List<String> from,
    String to,
    String reason,
    List<Instruction> instructions,
    Map<String, String> stayOnVersion) {

  public MigrationPlanFile {
    instructions = instructions == null ? List.of() : List.copyOf(instructions);
    stayOnVersion = stayOnVersion == null ? Map.of() : Map.copyOf(stayOnVersion);
    from = from == null ? List.of() : List.copyOf(from);
  }

  /** An element of the old version and the one of the new version it became. */
  public record Instruction(String from, String to) {}
}
