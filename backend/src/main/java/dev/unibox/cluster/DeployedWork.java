package dev.unibox.cluster;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Leased work that is a verticle per key: deployed when the lease is taken, undeployed when it is let go. */
public final class DeployedWork implements LeasedWork {

  private final Vertx vertx;
  private final Function<String, Deployable> factory;
  private final Map<String, String> deployments = new ConcurrentHashMap<>();

  public DeployedWork(Vertx vertx, Function<String, Deployable> factory) {
    this.vertx = vertx;
    this.factory = factory;
  }

  @Override
  public Future<Void> start(String key, long fence) {
    if (deployments.containsKey(key)) {
      return Future.succeededFuture();
    }
    return vertx.deployVerticle(factory.apply(key)).map(id -> {
      deployments.put(key, id);
      return null;
    });
  }

  @Override
  public Future<Void> stop(String key) {
    String id = deployments.remove(key);
    // undeploying the lease keeper already took its child deployments down with it
    return id == null || !vertx.deploymentIDs().contains(id) ? Future.succeededFuture() : vertx.undeploy(id);
  }

  public boolean running(String key) {
    return deployments.containsKey(key);
  }
}
