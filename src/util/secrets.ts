import * as core from '@actions/core';

/**
 * Every secret the action holds (session credentials, the OIDC token, Grafana tokens, the GitHub
 * token). core.setSecret masks the log only; the PR comment, the job summary and the outputs are
 * published as written, so everything the action writes outside the log goes through redact().
 */
const held = new Set<string>();

export const REDACTED = '***';

export function holdSecret(value: string | undefined): void {
  if (!value) return;
  core.setSecret(value);
  held.add(value);
}

/** `text` with each held secret, and the forms an echo may carry it in, replaced by ***. */
export function redact(text: string): string {
  if (held.size === 0 || !text) return text;
  const forms = new Set<string>();
  for (const secret of held) {
    // Short values would blank out ordinary words; real secrets are long.
    if (secret.length < 8) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    // As JSON text carries it, and with '/' escaped as PHP's json_encode does.
    const json = JSON.stringify(secret).slice(1, -1);
    forms.add(json);
    forms.add(json.replace(/\//g, '\\/'));
    forms.add(Buffer.from(secret).toString('base64'));
  }
  let out = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join(REDACTED);
  return out;
}

/** For tests: forget what earlier runs in the same process held. */
export function forgetSecrets(): void {
  held.clear();
}
