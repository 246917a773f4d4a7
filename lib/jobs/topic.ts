/** The event topic of a job (its SSE stream). */
export const jobTopic = (id: string) => `job:${id}`;
