package dev.unibox.cluster;

import io.vertx.core.Future;

/** How many nodes share the work now (the cluster manager's members, or the database's live nodes). */
@FunctionalInterface
public interface Membership {

  Future<Integer> liveNodes();
}
