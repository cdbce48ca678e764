package io.rmaflow.rmacase;

import java.time.OffsetDateTime;

/** The service agreement the customer accepted when applying (003, preamble and 1.1): its version, and when. */
public record TermsAcceptance(String version, OffsetDateTime at) {}
