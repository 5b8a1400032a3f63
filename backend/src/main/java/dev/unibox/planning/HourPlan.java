package dev.unibox.planning;

import java.util.Map;
import java.util.TreeMap;

/**
 * The staffing one hour needs: agents in all, agents who speak each buyer language, and what the queue model
 * expects at that staffing (shares answered within the targets, and how busy the seats are).
 *
 * @param urgentCeiling  the share of urgent chats whose first answer alone fits in the urgent window: no staffing
 *                       answers more of them in time (1 unless some answers take longer than the window)
 * @param regularCeiling the same for the regular window
 */
public record HourPlan(int hour, int agents, Map<String, Integer> speakers, double urgentRate, double regularRate,
                       double occupancy, double urgentCeiling, double regularCeiling) {

  public HourPlan {
    speakers = new TreeMap<>(speakers);
  }
}
