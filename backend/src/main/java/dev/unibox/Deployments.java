package dev.unibox;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/** The verticles this node deployed, undeployed in the order they were deployed. */
final class Deployments {

  private final Vertx vertx;
  private final List<String> ids = new ArrayList<>();

  Deployments(Vertx vertx) {
    this.vertx = vertx;
  }

  Future<Void> deploy(Deployable verticle) {
    return vertx.deployVerticle(verticle).map(id -> {
      ids.add(id);
      return null;
    });
  }

  /** After {@code before}, each deployment undeployed in turn, whatever the previous step's outcome. */
  Future<Void> undeployAfter(Future<Void> before) {
    Future<Void> chain = before;
    for (String id : List.copyOf(ids)) {
      chain = chain.eventually(() -> vertx.undeploy(id));
    }
    return chain;
  }
}
