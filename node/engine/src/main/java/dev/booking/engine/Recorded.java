package dev.booking.engine;

import dev.booking.domain.Change;

/**
 * What a command's entry processor returns: its answer, and the change the query side must learn
 * about (null when the command changed nothing, e.g. a replay).
 */
public record Recorded<T>(T answer, Change change) {
}
