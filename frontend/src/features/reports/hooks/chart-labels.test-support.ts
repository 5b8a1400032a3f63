/** The chart labels the chart tests pass (what the page would translate). */
export const labels = {
  conversations: 'Conversations', within60: '≤ 1 min', within120: '≤ 2 min', within300: '≤ 5 min',
  platformRate: 'Platform', resolved: 'Resolved', slaWarnings: 'Warnings', slaBreaches: 'Breaches',
  preSaleChats: 'Pre-sale', converted: 'Converted', conversionRate: 'Conversion', flagged: 'Flagged',
  overridden: 'Overridden', satisfactionRate: 'Satisfied', badAttitudeRate: 'Bad attitude',
  onlineHours: 'Online (h)', repliesSent: 'Replies', utilisation: 'Utilisation',
};
