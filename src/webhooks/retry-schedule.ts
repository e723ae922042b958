/**
 * Seconds to wait after the n-th failed attempt (index n - 1) before the next one: exponential (times 3) from 10 s up
 * to 6 hours, then every 6 hours, 12 attempts over 27 hours in all. After the last one fails the delivery is
 * dead-lettered (status DEAD): redeliverWebhook queues it again.
 */
export const RETRY_DELAYS_S: readonly number[] = [10, 30, 90, 270, 810, 2_430, 7_290, 21_600, 21_600, 21_600, 21_600];

/** Attempts a delivery gets before it is dead-lettered. */
export const MAX_ATTEMPTS = RETRY_DELAYS_S.length + 1;

/** When to try again after `failedAttempts` attempts have failed, or null: dead-letter it. */
export function nextAttemptAt(failedAttempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_S[failedAttempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay * 1000);
}
