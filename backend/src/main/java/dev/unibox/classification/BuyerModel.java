package dev.unibox.classification;

import dev.unibox.domain.Category;
import dev.unibox.domain.Priority;
import dev.unibox.domain.TextJudge;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * OpenNLP maximum-entropy document categorisers over {@link Features}: urgent or not (one model weighing
 * the cues, one for Chinese text weighing the cues and the characters), and pre-sale / in-sale /
 * after-sale. A model is immutable and safe to share; training takes a few seconds.
 */
public final class BuyerModel {

  private static final String URGENT = "urgent";
  private static final String NORMAL = "normal";
  /**
   * Urgent from this probability on, not 0.5: a missed urgent after-sale costs more than a false alarm.
   * Chosen by five-fold cross-validation on the training split (ClassifierEvaluation cv), never on the test split:
   * the lowest threshold of the sweep whose worst language comes closest to the targets.
   */
  static final double URGENT_AT = 0.550;
  /** The same rule over Simplified and Traditional Chinese only, for the Chinese urgency model. */
  static final double CHINESE_URGENT_AT = 0.350;

  private final DoccatModel urgency;
  private final DoccatModel category;
  /** Null in a model stored before the Chinese urgency model existed: the cue model judges every text. */
  private final DoccatModel chineseUrgency;
  /*
   * Scored directly, not through DocumentCategorizerME: its context generator would prefix every feature
   * again per message ("bow=" + token) and hash the new strings; Features names them that way once. The
   * maxent models only read their parameters, so one instance serves every thread.
   */
  private final MaxentModel urgencyScores;
  private final MaxentModel categoryScores;
  private final MaxentModel chineseScores;
  private final int urgentIndex;
  private final int chineseUrgentIndex;

  private BuyerModel(DoccatModel urgency, DoccatModel category, DoccatModel chineseUrgency) {
    this.urgency = urgency;
    this.category = category;
    this.chineseUrgency = chineseUrgency;
    this.urgencyScores = urgency.getMaxentModel();
    this.categoryScores = category.getMaxentModel();
    this.chineseScores = chineseUrgency == null ? null : chineseUrgency.getMaxentModel();
    this.urgentIndex = urgencyScores.getIndex(URGENT);
    this.chineseUrgentIndex = chineseScores == null ? -1 : chineseScores.getIndex(URGENT);
  }

  /**
   * What the model says of one message; confidence is the probability of the urgency it chose. hasCue: the
   * message names at least one concept of the cues; a message that names none is never urgent (see judge).
   */
  public record Judgement(boolean urgent, double confidence, Category category, double categoryConfidence,
      boolean hasCue) {

    /** The judgement as ingest's classifier reads it. */
    public TextJudge.Verdict verdict() {
      return new TextJudge.Verdict(urgent ? Priority.URGENT : Priority.NORMAL, category, confidence, hasCue);
    }
  }

  public Judgement judge(String text) {
    Features.Bag features = Features.of(text);
    boolean chinese = features.chinese() && chineseScores != null;
    double pUrgent = chinese
        ? chineseScores.eval(features.scoredCuesAndHan())[chineseUrgentIndex]
        : urgencyScores.eval(features.scoredCues())[urgentIndex];
    double[] pc = categoryScores.eval(features.scoredCuesAndWords());
    int best = 0;
    for (int i = 1; i < pc.length; i++) {
      best = pc[i] > pc[best] ? i : best;
    }
    /*
     * A message that names no concept ("👍", "穿M还是L", "发个链接呗") gives the urgency model nothing to weigh:
     * it would score the training split's share of urgent messages, about one half, far above what such a
     * message means in an inbox, where most messages are calm. It is not urgent; its confidence stays the
     * model's, so one without any feature at all ("👍") is about one half and marked "check urgency". The
     * Chinese model's characters do not lift that rule: without it, most Chinese messages that name no
     * concept and were raised were size and usage questions (held-out writers of the training split).
     */
    boolean hasCue = features.hasCue();
    boolean urgent = hasCue && pUrgent >= (chinese ? CHINESE_URGENT_AT : URGENT_AT);
    Category cat = Category.ofWire(categoryScores.getOutcome(best));
    // urgent means an after-sale problem (docs/routing.md), so an urgent message is after-sale
    if (urgent) {
      cat = Category.AFTER_SALE;
    }
    return new Judgement(urgent, urgent ? pUrgent : 1 - pUrgent, cat, pc[best], hasCue);
  }

  /** The urgency model as trained (for checking that scoring it directly equals OpenNLP's categoriser). */
  DoccatModel urgencyModel() {
    return urgency;
  }

  DoccatModel categoryModel() {
    return category;
  }

  DoccatModel chineseUrgencyModel() {
    return chineseUrgency;
  }

  public static BuyerModel train(List<LabelledMessage> data) {
    List<DocumentSample> u = new ArrayList<>();
    List<DocumentSample> c = new ArrayList<>();
    List<DocumentSample> h = new ArrayList<>();
    for (LabelledMessage m : data) {
      Features.Bag features = Features.of(m.text());
      String truth = m.urgent() ? URGENT : NORMAL;
      u.add(new DocumentSample(truth, features.cues()));
      c.add(new DocumentSample(m.category().wire(), features.cuesAndWords()));
      // every message, not only Chinese ones: the cues' weights learn from all languages
      h.add(new DocumentSample(truth, features.cuesAndHan()));
    }
    return new BuyerModel(fit(u), fit(c), fit(h));
  }

  private static DoccatModel fit(List<DocumentSample> samples) {
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT");
    params.put(TrainingParameters.ITERATIONS_PARAM, 300);
    params.put(TrainingParameters.CUTOFF_PARAM, 1);
    params.put("PrintMessages", false);
    try {
      return DocumentCategorizerME.train("mul", ObjectStreamUtils.createObjectStream(samples), params,
          new DoccatFactory());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] toBytes() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      for (DoccatModel m : chineseUrgency == null ? List.of(urgency, category)
          : List.of(urgency, category, chineseUrgency)) {
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        m.serialize(one);
        out.writeInt(one.size());
        one.writeTo(out);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static BuyerModel fromBytes(byte[] data) {
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
      DoccatModel[] models = new DoccatModel[3];
      // a model stored before the Chinese urgency model holds two
      for (int i = 0; i < 3 && (i < 2 || in.available() > 0); i++) {
        byte[] one = new byte[in.readInt()];
        in.readFully(one);
        models[i] = new DoccatModel(new ByteArrayInputStream(one));
      }
      return new BuyerModel(models[0], models[1], models[2]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
