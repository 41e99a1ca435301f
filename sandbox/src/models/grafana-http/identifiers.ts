import { createHash, randomBytes } from 'node:crypto';

/** Grafana's short uids: letters, digits, '-' and '_', at most 40 characters (dashboards, folders). */
const SHORT_UID = /^[a-zA-Z0-9_-]+$/;
export const MAX_UID_LENGTH = 40;

/** Grafana's own wording (pkg/services/dashboards/errors.go), or undefined for a valid uid. */
export function uidProblem(uid: string): string | undefined {
  if (!SHORT_UID.test(uid)) return 'uid contains illegal characters';
  if (uid.length > MAX_UID_LENGTH) return 'uid too long, max 40 characters';
  return undefined;
}

/** A fresh uid of the length and alphabet Grafana generates. */
export function generateUid(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(14)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * The URL slug of a title: lower case, accents dropped, every other run of non-alphanumerics one
 * dash. A title with nothing left (all symbols, another script) gets a stable hash instead, as
 * Grafana does, so URLs never end in an empty segment.
 */
export function slugify(title: string): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || createHash('sha1').update(title).digest('hex').slice(0, 8);
}
