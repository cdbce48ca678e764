package io.rmaflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The packing slip's code reads back as the RMA number: drawn as the slip draws it, read as a scanner reads it. */
class QrCodeTest {

  @Test
  void theCodeOnThePackingSlipIsTheRmaNumber() throws Exception {
    String svg = QrCode.svg("RMA-2026-000042", "RMA-2026-000042");

    assertThat(svg).startsWith("<svg").contains("aria-label=\"RMA-2026-000042\"", "<title>RMA-2026-000042</title>");
    assertThat(new QRCodeReader().decode(bitmap(svg, 4)).getText()).isEqualTo("RMA-2026-000042");
  }

  /** The SVG's dark squares as pixels, each module {@code scale} pixels wide. */
  private static BinaryBitmap bitmap(String svg, int scale) {
    Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
    assertThat(box.find()).isTrue();
    int width = Integer.parseInt(box.group(1)) * scale;
    int height = Integer.parseInt(box.group(2)) * scale;
    int[] pixels = new int[width * height];
    java.util.Arrays.fill(pixels, 0xFFFFFFFF);
    Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
    while (module.find()) {
      int x = Integer.parseInt(module.group(1));
      int y = Integer.parseInt(module.group(2));
      for (int dy = 0; dy < scale; dy++) {
        for (int dx = 0; dx < scale; dx++) {
          pixels[(y * scale + dy) * width + x * scale + dx] = 0xFF000000;
        }
      }
    }
    return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
  }
}
