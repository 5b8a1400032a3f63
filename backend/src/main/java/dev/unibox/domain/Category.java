package dev.unibox.domain;

/** Where in the purchase the buyer is. Later stages win when a conversation moves on. */
public enum Category {
  PRE_SALE("pre_sale"),
  IN_SALE("in_sale"),
  AFTER_SALE("after_sale");

  private final String wire;

  Category(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Category ofWire(String wire) {
    for (Category c : values()) {
      if (c.wire.equals(wire)) {
        return c;
      }
    }
    return PRE_SALE;
  }

  public Category laterOf(Category other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
