package io.kraftport.plan;

/** How many topics of a listing the filter left out, and why. */
public record LeftOut(int filtered, int internal) {
  public static final LeftOut NONE = new LeftOut(0, 0);

  public int total() {
    return filtered + internal;
  }
}
