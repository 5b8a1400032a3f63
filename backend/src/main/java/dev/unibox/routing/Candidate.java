package dev.unibox.routing;

import java.time.Instant;

/**
 * A queued conversation as the router sees it. language and team null = no requirement; passedBy: the agent who
 * sent it back to the queue, whom the product's pick gives it to only when nobody else can take it.
 */
public record Candidate(long id, String accountId, String platform, String language, String team, int priority,
                        Long lastAssigneeId, Long passedBy, Instant slaDueAt, Instant queuedAt) {}
