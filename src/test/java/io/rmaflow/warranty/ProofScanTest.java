package io.rmaflow.warranty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmaflow.support.InvalidFieldException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A proof scan is judged by its content: its name and the type the browser claims count for nothing. */
class ProofScanTest {

  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
  static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII);

  @Test
  void aPdfJpegOrPngIsTakenWhateverItsNameSays() {
    assertThat(ProofScan.of("invoice.txt", PDF).contentType()).isEqualTo("application/pdf");
    assertThat(ProofScan.of("photo.pdf", JPEG).contentType()).isEqualTo("image/jpeg");
    assertThat(ProofScan.of("scan", PNG).contentType()).isEqualTo("image/png");
  }

  @Test
  void anythingElseIsRefusedEvenWithAFittingName() {
    assertThatThrownBy(() -> ProofScan.of("invoice.png", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("PDF, JPEG or PNG");
    assertThatThrownBy(() -> ProofScan.of("invoice.pdf", new byte[] {'P', 'K', 3, 4, 20, 0}))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> ProofScan.of("empty.pdf", new byte[0])).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void moreThanTenMegabytesIsRefused() {
    byte[] large = new byte[(int) ProofScan.MAX_BYTES + 1];
    System.arraycopy(PDF, 0, large, 0, PDF.length);

    assertThatThrownBy(() -> ProofScan.of("big.pdf", large)).hasMessageContaining("10 MB");
    assertThat(ProofScan.of("exactly.pdf", java.util.Arrays.copyOf(large, (int) ProofScan.MAX_BYTES)).data()).hasSize(
        (int) ProofScan.MAX_BYTES);
  }

  @ParameterizedTest(name = "\"{0}\" as {1}: \"{2}\"")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      invoice.pdf                  | pdf | invoice.pdf
      Invoice.PDF                  | pdf | Invoice.PDF
      C:\\\\Users\\\\me\\\\invoice.pdf | pdf | invoice.pdf
      ../../etc/passwd             | png | passwd.png
      photo.jpeg                   | jpg | photo.jpeg
      "bad"<name>.png              | png | _bad__name_.png
      .hidden                      | pdf | proof-of-purchase.pdf
      NULL                         | png | proof-of-purchase.png
      """)
  void theNameKeptIsSafeToShowAndCarriesTheRightExtension(String given, String extension, String kept) {
    assertThat(ProofScan.safeName(given, extension)).isEqualTo(kept);
  }
}
