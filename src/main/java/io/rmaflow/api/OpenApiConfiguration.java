package io.rmaflow.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}, with Swagger UI at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  @Bean
  OpenAPI rmaFlowApi() {
    return new OpenAPI()
        .info(new Info().title("RMA Flow API").version("1")
            .description("Repair cases for shop portals, carriers, payment gateways and ERPs. Every call authenticates "
                + "with HTTP Basic as a member of api-clients (staff may read). Errors are application/problem+json "
                + "(RFC 9457) with a stable type; invalid fields are listed in errors[]."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
  }
}
