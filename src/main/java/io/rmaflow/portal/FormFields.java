package io.rmaflow.portal;

import java.util.Map;

/** The application form's field for a path of the application, as its rules name them. */
final class FormFields {

  private static final Map<String, String> FIELDS = Map.ofEntries(
      Map.entry("customer", "name"), Map.entry("customer.name", "name"), Map.entry("customer.email", "email"),
      Map.entry("customer.phone", "phone"), Map.entry("customer.locale", "locale"),
      Map.entry("customer.address", "city"), Map.entry("customer.address.line1", "line1"),
      Map.entry("customer.address.city", "city"), Map.entry("customer.address.province", "province"),
      Map.entry("customer.address.postalCode", "postalCode"), Map.entry("customer.address.country", "country"),
      Map.entry("product", "serialNumber"), Map.entry("product.model", "model"),
      Map.entry("product.serialNumber", "serialNumber"), Map.entry("purchase.channel", "channel"),
      Map.entry("purchase", "channel"), Map.entry("purchase.invoiceNumber", "invoiceNumber"),
      Map.entry("purchase.invoiceDate", "invoiceDate"), Map.entry("purchase.deliveryDate", "deliveryDate"),
      Map.entry("fault", "faultDescription"), Map.entry("fault.description", "faultDescription"),
      Map.entry("fault.category", "faultCategory"), Map.entry("acknowledgements.dataBackedUp", "dataBackedUp"),
      Map.entry("acknowledgements.passwordsRemoved", "passwordsRemoved"), Map.entry("acknowledgements", "dataBackedUp"),
      Map.entry("contractNumber", "contractNumber"), Map.entry("priority", "priority"),
      Map.entry("serviceType", "serviceType"));

  private FormFields() {}

  static String of(String path) {
    return FIELDS.getOrDefault(path, path);
  }
}
