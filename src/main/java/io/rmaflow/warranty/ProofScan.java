package io.rmaflow.warranty;

import io.rmaflow.support.InvalidFieldException;
import java.util.Map;
import org.apache.tika.Tika;

/**
 * A scan or photo of the invoice sent as proof of purchase (003 2.3, 2.4): a PDF, JPEG or PNG of
 * at most 10 MB. What it is comes from its content, as Apache Tika reads it; its name and the
 * type the browser claims count for nothing.
 */
public record ProofScan(String fileName, String contentType, byte[] data) {

  public static final long MAX_BYTES = 10L * 1024 * 1024;
  static final Map<String, String> ACCEPTED = Map.of("application/pdf", "pdf", "image/jpeg", "jpg", "image/png", "png");
  private static final Tika TIKA = new Tika();

  /**
   * @throws InvalidFieldException on {@code scan} when it is empty, too large, or not a PDF, JPEG or PNG
   */
  public static ProofScan of(String fileName, byte[] data) {
    if (data == null || data.length == 0) {
      throw new InvalidFieldException("scan", "is empty");
    }
    if (data.length > MAX_BYTES) {
      throw new InvalidFieldException("scan", "must be at most 10 MB");
    }
    String detected = TIKA.detect(data);
    String extension = ACCEPTED.get(detected);
    if (extension == null) {
      throw new InvalidFieldException("scan", "must be a PDF, JPEG or PNG file; this one is " + detected);
    }
    return new ProofScan(safeName(fileName, extension), detected, data);
  }

  /** A name fit to show and to download under: no path, no control characters, the right extension. */
  static String safeName(String fileName, String extension) {
    String base = fileName == null ? "" : fileName.replaceAll("^.*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
    if (base.isEmpty() || base.startsWith(".")) {
      base = "proof-of-purchase";
    }
    if (base.length() > 120) {
      base = base.substring(0, 120);
    }
    String lower = base.toLowerCase();
    boolean fits = lower.endsWith("." + extension) || (extension.equals("jpg") && lower.endsWith(".jpeg"));
    return fits ? base : base + "." + extension;
  }
}
