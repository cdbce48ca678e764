package io.rmaflow.security;

import io.rmaflow.process.RmaProcess.Groups;
import io.rmaflow.support.RmaClock;
import io.rmaflow.support.Sha256;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API keys of machine clients. A client is an engine user in {@code api-clients}; its key
 * stands for that user at {@code /api} and {@code /engine-rest}. A key is 256 random bits,
 * so its SHA-256 is enough to keep it: nothing stored lets anyone call as the client. Unlike
 * a password, a wrong key counts against nobody's account, so guesses cannot lock a client out;
 * they are throttled per address instead ({@link FailedLoginThrottle}).
 */
@Service
public class ApiKeys {

  static final String PREFIX = "rma_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final RmaClock clock;

  ApiKeys(JdbcClient jdbc, IdentityService identityService, RmaClock clock) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** A new key for a client; its value is in the answer and nowhere else. */
  public IssuedKey issue(String userId, String label) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return issueKnown(userId, label, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** A key of a value chosen beforehand: the demo setup's documented key, and tests. */
  public IssuedKey issueKnown(String userId, String label, String value) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(Groups.API_CLIENTS).count() == 0) {
      throw new NotAnApiClientException(userId);
    }
    String id = UUID.randomUUID().toString();
    OffsetDateTime now = clock.nowOffset();
    jdbc.sql("INSERT INTO api_key (id, user_id, label, key_hash, issued_at) VALUES (?, ?, ?, ?, ?)")
        .params(id, userId, label, Sha256.hex(value), now).update();
    return new IssuedKey(new KeyInfo(id, userId, label, now, null), value);
  }

  public List<KeyInfo> list() {
    return jdbc.sql("SELECT id, user_id, label, issued_at, revoked_at FROM api_key ORDER BY issued_at, id")
        .query((row, n) -> new KeyInfo(row.getString("id"), row.getString("user_id"), row.getString("label"),
            row.getObject("issued_at", OffsetDateTime.class), row.getObject("revoked_at", OffsetDateTime.class)))
        .list();
  }

  /** @return false when there is no such key; revoking a revoked key keeps its first revocation */
  public boolean revoke(String id) {
    int found = jdbc.sql("UPDATE api_key SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?")
        .params(clock.nowOffset(), id).update();
    return found > 0;
  }

  /** The client a presented key stands for, while the key is not revoked and the client is still one. */
  public Optional<String> clientOf(String presentedKey) {
    if (presentedKey == null || !presentedKey.startsWith(PREFIX) || presentedKey.length() > 200) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT user_id FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")
        .param(Sha256.hex(presentedKey)).query(String.class).optional()
        .filter(userId -> identityService.createUserQuery().userId(userId).memberOfGroup(Groups.API_CLIENTS).count() > 0);
  }

  /** A key as an administrator sees it: never its value. */
  public record KeyInfo(String id, String client, String label, OffsetDateTime issuedAt, OffsetDateTime revokedAt) {}

  /** A key just issued, with its value, shown this once. */
  public record IssuedKey(KeyInfo key, String value) {}

  /** Keys are for machine clients, members of {@code api-clients}. */
  public static class NotAnApiClientException extends RuntimeException {
    public NotAnApiClientException(String userId) {
      super("'" + userId + "' is not a user in the group " + Groups.API_CLIENTS + "; API keys are for machine clients.");
    }
  }
}
