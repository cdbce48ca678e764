package io.rmaflow.access;

import io.rmaflow.support.RmaClock;
import io.rmaflow.support.RmaProperties;
import io.rmaflow.support.Transactions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key customer links are signed with: {@code rma.portal.link-key} (Base64, at least 32
 * bytes), which production sets so the key never sits beside the hashes it protects; without
 * it, a random key made once and kept in {@code portal_key}, the same on every node.
 */
@Component
class LinkKey {

  static final int MIN_BYTES = 32;

  private final JdbcClient jdbc;
  private final Transactions transactions;
  private final RmaClock clock;
  private final String configured;
  private volatile byte[] key;

  LinkKey(JdbcClient jdbc, Transactions transactions, RmaClock clock, RmaProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.configured = properties.portal().linkKey();
  }

  byte[] bytes() {
    byte[] known = key;
    if (known == null) {
      known = configured != null && !configured.isBlank() ? decode(configured) : stored();
      key = known;
    }
    return known;
  }

  private static byte[] decode(String base64) {
    byte[] decoded = Base64.getDecoder().decode(base64.trim());
    if (decoded.length < MIN_BYTES) {
      throw new IllegalStateException("rma.portal.link-key must hold at least " + MIN_BYTES + " bytes (Base64)");
    }
    return decoded;
  }

  /** The kept key, made by whichever node asks first; the others read the first one's. */
  private byte[] stored() {
    String kept = read();
    if (kept == null) {
      byte[] fresh = new byte[MIN_BYTES];
      new SecureRandom().nextBytes(fresh);
      String encoded = Base64.getEncoder().encodeToString(fresh);
      try {
        transactions.apart(() -> jdbc.sql("INSERT INTO portal_key (id, key_value, created_at) VALUES (1, ?, ?)")
            .params(encoded, clock.nowOffset()).update());
        kept = encoded;
      } catch (DuplicateKeyException anotherNodeFirst) {
        kept = read();
      }
    }
    return decode(kept);
  }

  private String read() {
    return transactions.apart(() -> jdbc.sql("SELECT key_value FROM portal_key WHERE id = 1")
        .query(String.class).optional().orElse(null));
  }
}
