/** The query string of both window calls: `?date=YYYY-MM-DD` (a day in the roster's zone). */
export const windowDay = (date: string) => `?${new URLSearchParams({ date }).toString()}`;
