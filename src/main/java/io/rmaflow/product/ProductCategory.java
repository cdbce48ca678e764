package io.rmaflow.product;

/** Product category; decides the warranty length. */
public enum ProductCategory {
  DEVICE,
  ACCESSORY,
  BATTERY
}
