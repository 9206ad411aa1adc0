/**
 * E-mail addresses: trimmed, lower-cased, width-folded (＠ → @), with a basic shape check. Dots and
 * +tags are kept: outside Gmail they can be different mailboxes.
 */
import type { Normalized } from './field-issues';

const MAILTO = /^mailto:/u;
/** Angle brackets and quotes from "Name <a@b.com>" pastes. */
const WRAPPING = /^[<"'\s]+|[>"'\s]+$/gu;
/** 。 (ideographic full stop) typed for a dot by Chinese input methods. */
const IDEOGRAPHIC_STOP = /。/gu;
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]+|\p{L}{2,63})$/u;
const LONGEST_LOCAL = 64;
const LONGEST_ADDRESS = 254;

function isWellFormed(address: string): boolean {
  if (address.length > LONGEST_ADDRESS) return false;
  const at = address.lastIndexOf('@');
  if (at <= 0 || at > LONGEST_LOCAL) return false;
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  if (!LOCAL_PART.test(local) || labels.length < 2) return false;
  return (
    labels.every((label) => DOMAIN_LABEL.test(label)) && TOP_LEVEL.test(labels[labels.length - 1])
  );
}

export function normalizeEmail(raw: string): Normalized<string> {
  const trimmed = raw.normalize('NFKC').trim();
  // Checked before any pattern runs (mailto: and angle brackets fit well within the margin).
  if (trimmed.length > LONGEST_ADDRESS + 16) return { issue: 'INVALID_EMAIL' };
  const address = trimmed
    .toLowerCase()
    .replace(MAILTO, '')
    .replace(WRAPPING, '')
    .replace(IDEOGRAPHIC_STOP, '.');
  return isWellFormed(address) ? { value: address } : { issue: 'INVALID_EMAIL' };
}
