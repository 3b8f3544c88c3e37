package io.kraftport;

/**
 * Where a long step reports how far it got: counts of items done out of a total. The core reports; the command line
 * decides how to show it (a live bar on a terminal, a plain line per step in a CI log, nothing with {@code --quiet}).
 */
public interface Progress {
  /** Reports nothing. */
  Progress NONE = (what, done, total) -> { };

  /** {@code done} of {@code total} {@code what} (e.g. "topics created") are finished. */
  void advance(String what, long done, long total);
}
