package io.rmaflow.notification;

/** A notice in the customer's language: subject, plain text and HTML. */
public record RenderedNotice(String subject, String text, String html) {}
