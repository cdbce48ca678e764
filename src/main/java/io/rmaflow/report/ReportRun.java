package io.rmaflow.report;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What the model's multi-instance reads: the run's contracts as a list. The run keeps them as
 * one string, which the engine stores as it is; a list would need object serialization.
 */
@Component("reportRun")
public class ReportRun {

  static String join(List<String> contractNumbers) {
    return String.join(",", contractNumbers);
  }

  public List<String> contracts(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
  }
}
