package io.rmaflow.rmacase;

import io.rmaflow.process.Resolution;
import io.rmaflow.support.RmaClock;

/** Test fixtures that set up a case file directly, without the steps that would do it in a case's life. */
public final class CaseFileFixtures {

  private CaseFileFixtures() {}

  /** Closes the case file as a closing step would, but without the case-closed event and its notice. */
  public static void closeQuietly(CaseFile caseFile, RmaClock clock, String rmaNumber, Resolution resolution) {
    caseFile.close(rmaNumber, resolution, clock.nowOffset());
  }
}
