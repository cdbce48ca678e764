-- API keys of machine clients (shop portals, carriers, payment gateways, ERPs). A key is shown
-- once, when it is issued; only its SHA-256 is kept. A client may hold several at a time, so a
-- key is replaced by issuing the next and revoking the old one when the client has switched.
CREATE TABLE api_key (
  id          VARCHAR(36)  PRIMARY KEY,
  user_id     VARCHAR(255) NOT NULL,
  label       VARCHAR(100) NOT NULL,
  key_hash    CHAR(64)     NOT NULL UNIQUE,
  issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_key_user ON api_key (user_id);
