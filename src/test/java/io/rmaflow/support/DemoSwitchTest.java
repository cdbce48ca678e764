package io.rmaflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoSwitchTest {

  @Test
  void theDemoSetupIsOnWithTheEmbeddedDatabaseOnlyUnlessSaidOtherwise() {
    var unset = new RmaProperties.Demo(null, true);

    assertThat(unset.isOnFor("jdbc:h2:file:./data/rma-flow")).isTrue();
    assertThat(unset.isOnFor("jdbc:postgresql://db:5432/rmaflow")).isFalse();
    assertThat(new RmaProperties.Demo(true, true).isOnFor("jdbc:postgresql://db:5432/rmaflow")).isTrue();
    assertThat(new RmaProperties.Demo(false, true).isOnFor("jdbc:h2:mem:x")).isFalse();
  }
}
