package dev.unibox.cluster;

/** The cluster manager's view of the members (a single node is a cluster of one). */
public interface Membership {

  int members();

  /** This node is a member in good standing (always, for a single node). */
  boolean includesMe();

  Membership SINGLE = new Membership() {
    @Override
    public int members() {
      return 1;
    }

    @Override
    public boolean includesMe() {
      return true;
    }
  };
}
