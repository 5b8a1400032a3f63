package dev.unibox.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One change to a JSON tree at a node picked by number (pre-order, modulo the node count): its value
 * replaced by another of any type, the field removed, a field added, or the value buried in deep nesting.
 */
record JsonMutation(int pick, Op op, String key, Object value) {

  enum Op { REPLACE, REMOVE, ADD_FIELD, NEST }

  static Arbitrary<JsonMutation> any() {
    return Combinators.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.of(Op.class),
        Arbitraries.of(FuzzValues.FIELD_NAMES), FuzzValues.json(2)).as(JsonMutation::new);
  }

  @Override
  public String toString() {
    return op + "@" + pick + (op == Op.ADD_FIELD ? " " + key : "") + (op == Op.REPLACE || op == Op.ADD_FIELD
        ? " = " + FuzzValues.printable(FuzzValues.encode(value)) : "");
  }

  /** Applies the mutation in place; the returned root replaces the old one (the root itself may be replaced). */
  Object applyTo(Object root) {
    List<Object[]> nodes = new ArrayList<>(); // {parent, key or index, value}
    collect(null, null, root, nodes);
    Object[] node = nodes.get(Math.floorMod(pick, nodes.size()));
    Object parent = node[0];
    Object current = node[2];
    Object replacement = switch (op) {
      case REPLACE -> copy(value);
      case NEST -> nest(current, 60);
      case ADD_FIELD -> current instanceof JsonObject o ? o.copy().put(key, copy(value)) : current;
      case REMOVE -> null;
    };
    if (parent == null) {
      return op == Op.REMOVE ? new JsonObject() : replacement;
    }
    if (parent instanceof JsonObject o) {
      if (op == Op.REMOVE) {
        o.remove((String) node[1]);
      } else {
        o.put((String) node[1], replacement);
      }
    } else if (parent instanceof JsonArray a) {
      if (op == Op.REMOVE) {
        a.remove((int) node[1]);
      } else {
        a.set((int) node[1], replacement);
      }
    }
    return root;
  }

  private static Object nest(Object value, int depth) {
    Object v = value;
    for (int i = 0; i < depth; i++) {
      v = new JsonArray().add(v);
    }
    return v;
  }

  private static Object copy(Object value) {
    return value instanceof JsonObject o ? o.copy() : value instanceof JsonArray a ? a.copy() : value;
  }

  private static void collect(Object parent, Object key, Object value, List<Object[]> out) {
    out.add(new Object[] {parent, key, value});
    if (value instanceof JsonObject o) {
      for (String k : new ArrayList<>(o.fieldNames())) {
        collect(o, k, o.getValue(k), out);
      }
    } else if (value instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        collect(a, i, a.getValue(i), out);
      }
    }
  }
}
