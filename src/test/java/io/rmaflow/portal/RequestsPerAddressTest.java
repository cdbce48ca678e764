package io.rmaflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** One address gets so many page requests a minute; another address is counted apart. */
class RequestsPerAddressTest {

  @Test
  void anAddressBeyondItsRequestsPerMinuteIsAskedToWaitAndOthersAreNot() throws Exception {
    RequestsPerAddress limit = new RequestsPerAddress(3);

    for (int i = 0; i < 3; i++) {
      assertThat(request(limit, "203.0.113.7").getStatus()).isEqualTo(HttpServletResponse.SC_OK);
    }
    MockHttpServletResponse fourth = request(limit, "203.0.113.7");

    assertThat(fourth.getStatus()).isEqualTo(429);
    assertThat(fourth.getHeader("Retry-After")).isEqualTo("60");
    assertThat(fourth.getContentAsString()).contains("Too many requests").doesNotContain("RMA-");
    assertThat(request(limit, "198.51.100.20").getStatus()).isEqualTo(HttpServletResponse.SC_OK);
  }

  private static MockHttpServletResponse request(RequestsPerAddress limit, String address) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal/rmas/RMA-2026-000001");
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
