package dev.unibox.cluster;

import io.vertx.core.Future;

/** Work that runs on exactly one node at a time: started when this node takes the lease, stopped when it lets go. */
public interface LeasedWork {

  /** @param fence rises every time the lease changes hands; a send may carry it to fence off an old owner */
  Future<Void> start(String key, long fence);

  Future<Void> stop(String key);
}
