package io.rmaflow.api;

/** Example request bodies for the OpenAPI description. */
final class Examples {

  private Examples() {}

  static final String APPLICATION = """
      {
        "customer": {
          "name": "Li Wei", "email": "li.wei@example.com", "phone": "+86 138 0000 0000", "locale": "zh",
          "address": {"line1": "1 Nanjing Rd", "city": "Shanghai", "province": "Shanghai",
                      "postalCode": "200001", "country": "CN"}
        },
        "product": {"model": "X200", "serialNumber": "SN-X200-0001"},
        "purchase": {"channel": "OFFICIAL_STORE", "invoiceNumber": "INV-88",
                     "invoiceDate": "2026-03-02", "deliveryDate": "2026-03-05"},
        "fault": {"description": "Does not power on", "category": "POWER"},
        "priority": "MEDIUM",
        "serviceType": "MAIL_IN",
        "keepReplacedParts": false,
        "acknowledgements": {"dataBackedUp": true, "passwordsRemoved": true},
        "contractNumber": null
      }""";
  static final String SHIPMENT = """
      {"carrier": "SF Express", "trackingNumber": "SF1234567890"}""";
  static final String ARRIVAL = """
      {"trackingNumber": "SF1234567890"}""";
  static final String PROOF = """
      {"invoiceNumber": "INV-88", "invoiceDate": "2026-03-02", "deliveryDate": "2026-03-05"}""";
  static final String QUOTE_DECISION = """
      {"accepted": false}""";
  static final String PAYMENT = """
      {"reference": "PAY-2026-0001", "amount": "170.07", "currency": "CNY"}""";
  static final String COMPLAINT = """
      {"text": "Nobody has called me back for three days."}""";
  static final String CANCELLATION = """
      {"reason": "The device works again."}""";
  static final String FEEDBACK = """
      {"rating": 5, "comment": "Fast and friendly."}""";
  static final String CONTRACT = """
      {
        "customer": {"name": "Chen Jie", "email": "it@example.com", "locale": "zh",
                     "address": {"city": "Beijing", "country": "CN"}},
        "plan": "MAINTENANCE", "units": ["SN-X200-0001"], "system": null,
        "startsOn": "2026-12-01", "endsOn": "2027-11-30", "billing": "MONTHLY",
        "fee": {"amount": "100.00", "currency": "CNY"},
        "serviceLevels": {"responseWorkingHours": 2,
                          "resolutionWorkingHours": {"HIGH": 4, "MEDIUM": 16, "LOW": 32},
                          "availabilityTarget": 99.5},
        "paidUntil": null
      }""";
  static final String CONTRACT_PAYMENT = """
      {"reference": "PAY-SC-2026-0001", "amount": "113.00", "currency": "CNY"}""";
  static final String RENEWAL = """
      {"renew": true}""";
  static final String EXTENSION = """
      {"reason": "Our budget for next year is approved in January.", "until": "2028-01-31"}""";
  static final String OUTAGE = """
      {"startedAt": "2026-11-03T14:20:00+08:00", "endedAt": "2026-11-03T15:05:00+08:00",
       "description": "Order desk unreachable: database failover"}""";
  static final String OUTAGE_END = """
      {"endedAt": "2026-11-03T15:05:00+08:00"}""";
  static final String PRODUCT = """
      {"model": "X200", "category": "DEVICE", "shippedOn": "2026-01-15", "channel": "OFFICIAL_STORE"}""";
}
