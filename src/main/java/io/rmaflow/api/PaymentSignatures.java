package io.rmaflow.api;

import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Signed payment callbacks, as payment providers sign their webhooks: a gateway with a secret
 * configured ({@code rma.security.payment-signing-secrets.<its login>}) sends
 * {@code RMA-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.path.body">}, the path being
 * the one it posts to ({@code /api/rmas/RMA-2026-000001/payments}). Its payments are taken only
 * with a valid signature made within {@code rma.security.signature-tolerance} of the centre's
 * clock, so a payment read off the wire can be neither altered, nor sent again later, nor sent
 * to another case or contract. A gateway without a secret is trusted on its API key alone.
 */
class PaymentSignatures extends OncePerRequestFilter {

  static final String HEADER = "RMA-Signature";
  private static final Pattern PAYMENT = Pattern.compile("^/api/(rmas|contracts)/[^/]+/payments$");
  private static final Pattern SIGNATURE = Pattern.compile("^t=(\\d{1,12}),v1=([0-9a-fA-F]{64})$");

  private final Map<String, String> secrets;
  private final Duration tolerance;
  private final RmaClock clock;
  private final ProblemResponses problems;

  PaymentSignatures(RmaProperties properties, RmaClock clock, ProblemResponses problems) {
    this.secrets = properties.security().paymentSigningSecrets();
    this.tolerance = properties.security().signatureTolerance();
    this.clock = clock;
    this.problems = problems;
  }

  /** Decoded, as the controllers see it: an encoded letter must not walk past the check. */
  private static final UrlPathHelper PATHS = new UrlPathHelper();

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !PAYMENT.matcher(path(request)).matches();
  }

  private static String path(HttpServletRequest request) {
    return PATHS.getPathWithinApplication(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    String secret = caller == null ? null : secrets.get(caller.getName());
    if (secret == null) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    String problem = problemWith(request.getHeader(HEADER), path(request), body, secret);
    if (problem != null) {
      ProblemDetail detail = ApiProblem.BAD_SIGNATURE.detail(HttpStatus.UNAUTHORIZED, problem);
      problems.write(request, response, detail);
      return;
    }
    chain.doFilter(new BodyAgain(request, body), response);
  }

  private String problemWith(String header, String path, byte[] body, String secret) {
    if (header == null) {
      return "Payments of this gateway must carry the header " + HEADER + ": t=<unix seconds>,v1=<HMAC-SHA256>.";
    }
    Matcher parts = SIGNATURE.matcher(header.trim());
    if (!parts.matches()) {
      return "The header " + HEADER + " must read t=<unix seconds>,v1=<64 hex digits>.";
    }
    Instant signedAt = Instant.ofEpochSecond(Long.parseLong(parts.group(1)));
    if (Duration.between(signedAt, clock.now().toInstant()).abs().compareTo(tolerance) > 0) {
      return "The signature was made at " + signedAt + ", more than " + tolerance.toSeconds()
          + " seconds from now; a payment is signed when it is sent.";
    }
    byte[] expected = sign(secret, parts.group(1), path, body);
    byte[] presented = HexFormat.of().parseHex(parts.group(2).toLowerCase());
    return MessageDigest.isEqual(expected, presented) ? null : "The signature does not match the request's path and body.";
  }

  static byte[] sign(String secret, String timestamp, String path, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + "." + path + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The request with its body readable once more, for the controller. */
  private static final class BodyAgain extends HttpServletRequestWrapper {

    private final byte[] body;

    BodyAgain(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
