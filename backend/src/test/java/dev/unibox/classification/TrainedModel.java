package dev.unibox.classification;

/** The buyer model trained on the corpus training split, once for every test that judges with it. */
final class TrainedModel {

  static final BuyerModel MODEL = BuyerModel.train(Corpus.training());

  private TrainedModel() {}
}
