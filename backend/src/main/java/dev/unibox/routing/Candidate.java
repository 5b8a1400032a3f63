package dev.unibox.routing;

import java.time.Instant;

/** A queued conversation as the router sees it. language and team null = no requirement. */
public record Candidate(long id, String accountId, String platform, String language, String team, int priority,
                        Long lastAssigneeId, Instant slaDueAt, Instant queuedAt) {}
