package io.rmaflow.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * A Bucket4j bucket per client address, refilled greedily over a window and kept while the
 * address is active (at most 100,000 addresses): the customer pages' request limit and the
 * failed-login throttle. Each node counts for itself.
 */
public final class BucketsPerAddress {

  private final int capacity;
  private final Duration window;
  private final Cache<String, Bucket> buckets;

  public BucketsPerAddress(int capacity, Duration window, Duration keptIdle) {
    this.capacity = capacity;
    this.window = window;
    this.buckets = Caffeine.newBuilder().expireAfterAccess(keptIdle).maximumSize(100_000).build();
  }

  public Bucket of(String address) {
    return buckets.get(address, ignored -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, window).build())
        .build());
  }
}
