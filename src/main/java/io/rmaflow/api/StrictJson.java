package io.rmaflow.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON as the API takes it (with {@code spring.jackson} refusing trailing content and repeated
 * fields): decimals of sane size, so that {@code 1e2147483647} is refused as input rather than
 * met by arithmetic, and dates of this era, so that {@code 0000-01-01} never reaches a notice.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2199;
  /** Digits before and after the point; money needs far fewer, and no amount reaches these. */
  static final int MAX_DIGITS = 30;

  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictValues() {
    SimpleModule module = new SimpleModule("rma-strict-values");
    module.addDeserializer(BigDecimal.class, new JsonDeserializer<>() {
      @Override
      public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
        if (value != null && (Math.abs((long) value.scale()) > MAX_DIGITS
            || (long) value.precision() - value.scale() > MAX_DIGITS)) {
          throw context.weirdNumberException(value, BigDecimal.class, "out of range");
        }
        return value;
      }
    });
    module.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
      @Override
      public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
        if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
          throw context.weirdStringException(date.toString(), LocalDate.class, "out of range");
        }
        return date;
      }
    });
    return builder -> builder.modulesToInstall(modules -> modules.add(module));
  }
}
