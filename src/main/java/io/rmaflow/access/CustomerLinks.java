package io.rmaflow.access;

import io.rmaflow.rmacase.CaseClosed;
import io.rmaflow.rmacase.CaseOpened;
import io.rmaflow.rmacase.PersonalDataRemoved;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import io.rmaflow.support.Sha256;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Each case's link to its customer page: {@code /portal/rmas/{rmaNumber}?token=...}. The token
 * is the case's number and the link's generation signed with {@link LinkKey} (HMAC-SHA256):
 * unguessable without the key, the same whenever a notice is written, and ended by the next
 * generation. Only its SHA-256 hash is kept; a page checks the token it is given against it.
 * A closed case's link expires after the case's retention period; removing the case's personal
 * data removes the link.
 */
@Service
public class CustomerLinks {

  private final JdbcClient jdbc;
  private final LinkKey key;
  private final RmaClock clock;
  private final String baseUrl;
  private final Period retention;

  CustomerLinks(JdbcClient jdbc, LinkKey key, RmaClock clock, RmaProperties properties) {
    this.jdbc = jdbc;
    this.key = key;
    this.clock = clock;
    this.baseUrl = properties.portal().baseUrl();
    this.retention = properties.retention().personalDataAfterClosing();
  }

  @EventListener
  void onCaseOpened(CaseOpened opened) {
    insert(opened.rmaNumber(), 1, Sha256.hex(token(opened.rmaNumber(), 1)));
  }

  @EventListener
  void onCaseClosed(CaseClosed closed) {
    jdbc.sql("UPDATE customer_link SET expires_at = ? WHERE rma_number = ?")
        .params(closed.closedAt().plus(retention), closed.rmaNumber()).update();
  }

  @EventListener
  void onPersonalDataRemoved(PersonalDataRemoved removed) {
    jdbc.sql("DELETE FROM customer_link WHERE rma_number = ?").param(removed.rmaNumber()).update();
  }

  /** The case's page, as notices and the API give it; empty once the link is gone. */
  public Optional<URI> pageUrl(String rmaNumber) {
    return generation(rmaNumber).map(generation -> link(rmaNumber, generation));
  }

  /**
   * A new link for the case, which ends the one before (the service desk sends it on request). A
   * case filed before the customer pages existed gets its first link here.
   */
  public URI renew(String rmaNumber) {
    Optional<Integer> current = generation(rmaNumber);
    int next = current.orElse(0) + 1;
    String tokenHash = Sha256.hex(token(rmaNumber, next));
    if (current.isPresent()) {
      jdbc.sql("UPDATE customer_link SET generation = ?, token_hash = ?, issued_at = ? WHERE rma_number = ?")
          .params(next, tokenHash, clock.nowOffset(), rmaNumber).update();
    } else {
      insert(rmaNumber, next, tokenHash);
    }
    return link(rmaNumber, next);
  }

  private void insert(String rmaNumber, int generation, String tokenHash) {
    jdbc.sql("INSERT INTO customer_link (rma_number, generation, token_hash, issued_at) VALUES (?, ?, ?, ?)")
        .params(rmaNumber, generation, tokenHash, clock.nowOffset()).update();
  }

  /** Whether the token opens the case's page now: the case's current, unexpired link. */
  public boolean opens(String rmaNumber, String token) {
    if (rmaNumber == null || token == null || token.length() > 100) {
      return false;
    }
    OffsetDateTime now = clock.nowOffset();
    return jdbc.sql("SELECT token_hash, expires_at FROM customer_link WHERE rma_number = ?").param(rmaNumber)
        .query((rs, row) -> {
          OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
          boolean current = expires == null || expires.isAfter(now);
          return current && MessageDigest.isEqual(rs.getString("token_hash").getBytes(StandardCharsets.US_ASCII),
              Sha256.hex(token).getBytes(StandardCharsets.US_ASCII));
        })
        .optional().orElse(false);
  }

  private Optional<Integer> generation(String rmaNumber) {
    return jdbc.sql("SELECT generation FROM customer_link WHERE rma_number = ?").param(rmaNumber)
        .query(Integer.class).optional();
  }

  private URI link(String rmaNumber, int generation) {
    return UriComponentsBuilder.fromUriString(baseUrl).path("/portal/rmas/{rma}")
        .queryParam("token", token(rmaNumber, generation)).buildAndExpand(rmaNumber).toUri();
  }

  String token(String rmaNumber, int generation) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.bytes(), "HmacSHA256"));
      byte[] signature = mac.doFinal((rmaNumber + "/" + generation).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
