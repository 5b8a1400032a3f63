package dev.unibox.planning;

import java.util.Map;
import java.util.TreeMap;

/**
 * The staffing one hour needs: agents in all, agents who speak each buyer language, and what the queue model
 * expects at that staffing (shares answered within the targets, and how busy the seats are).
 */
public record HourPlan(int hour, int agents, Map<String, Integer> speakers, double urgentRate, double regularRate,
                       double occupancy) {

  public HourPlan {
    speakers = new TreeMap<>(speakers);
  }
}
