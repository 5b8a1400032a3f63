package dev.unibox.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * What one fuzzed push is made of, as plain data (so jqwik can shrink it): the buyer's text and name, the
 * changes to the platform's real push shape, what happens to the bytes afterwards, and how it is signed.
 * A push with no mutation, intact bytes and a good signature is a valid push and must be stored once.
 */
record PushSpec(String text, String buyerName, List<JsonMutation> mutations, Bytes bytes, Signing signing,
                int variant) {

  /** What is done to the encoded body. */
  record Bytes(Kind kind, double at, int variant, byte[] replacement) {
    enum Kind { INTACT, INVALID_UTF8, TRUNCATED, REPLACED }

    @Override
    public String toString() {
      return kind == Kind.REPLACED ? kind + "(" + FuzzValues.printable(new String(replacement,
          java.nio.charset.StandardCharsets.UTF_8)) + ")" : kind + (kind == Kind.INTACT ? "" : "@" + at + "/" + variant);
    }
  }

  enum Signing { SIGNED, UNSIGNED, WRONG, FOR_OTHER_BODY }

  @Override
  public String toString() {
    return "PushSpec[text=" + FuzzValues.printable(text) + ", buyerName=" + FuzzValues.printable(buyerName)
        + ", mutations=" + mutations + ", bytes=" + bytes + ", signing=" + signing + ", variant=" + variant + "]";
  }

  /** Mostly JSON, as the platforms send; now and then a form or multipart type (never sent by a platform). */
  String contentType() {
    return switch (Math.floorMod(variant, 20)) {
      case 19 -> "application/x-www-form-urlencoded";
      case 18 -> "multipart/form-data; boundary=fuzz";
      case 17 -> "text/plain";
      default -> "application/json";
    };
  }

  boolean valid() {
    return variant % 20 < 17 && mutations.isEmpty() && bytes.kind() == Bytes.Kind.INTACT && signing == Signing.SIGNED;
  }

  static Arbitrary<PushSpec> any() {
    Arbitrary<Bytes> bytes = Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.just(new Bytes(Bytes.Kind.INTACT, 0, 0, null))),
        Tuple.of(1, Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 9))
            .as((at, v) -> new Bytes(Bytes.Kind.INVALID_UTF8, at, v, null))),
        Tuple.of(1, Arbitraries.doubles().between(0, 1).map(at -> new Bytes(Bytes.Kind.TRUNCATED, at, 0, null))),
        Tuple.of(1, FuzzValues.brokenBytes().map(b -> new Bytes(Bytes.Kind.REPLACED, 0, 0, b))));
    Arbitrary<Signing> signing = Arbitraries.frequency(Tuple.of(7, Signing.SIGNED), Tuple.of(1, Signing.UNSIGNED),
        Tuple.of(1, Signing.WRONG), Tuple.of(1, Signing.FOR_OTHER_BODY));
    Arbitrary<List<JsonMutation>> mutations = Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.just(List.of())), Tuple.of(3, JsonMutation.any().list().ofMinSize(1).ofMaxSize(3)));
    return Combinators.combine(FuzzValues.nastyStrings(), FuzzValues.nastyStrings(), mutations, bytes, signing,
        Arbitraries.integers().between(0, 1000)).as(PushSpec::new);
  }
}
