package io.kraftport;

/**
 * Where a long step reports how far it got: counts of items done out of a total, the step it is
 * starting, and the warnings the user must see. The core reports; the command line decides how to
 * show it (a live bar on a terminal, a plain line per step in a CI log, nothing but warnings with
 * {@code --quiet}).
 */
public interface Progress {
  /** Reports nothing. */
  Progress NONE = (what, done, total) -> {};

  /** {@code done} of {@code total} {@code what} (e.g. "topics created") are finished. */
  void advance(String what, long done, long total);

  /**
   * A step begins (e.g. "Reading topics from ..."); the counts that follow belong to it. Ignored by
   * default.
   */
  default void step(String description) {}

  /**
   * Something the user must see even when nothing else is shown (a hazard, a part left out).
   * Ignored by default.
   */
  default void warn(String message) {}
}
