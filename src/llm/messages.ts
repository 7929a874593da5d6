import { i18n, type MessageKey, type Translate } from '../i18n/index.ts';
import type { ErrorKind } from './types.ts';

/** The message a student reads when an evaluation fails: plain words, what to do next, no internals. */
export function studentMessageKey(kind: ErrorKind | null): MessageKey {
  switch (kind) {
    case 'rate_limited':
    case 'overloaded':
      return 'llm.busy';
    case 'timeout':
      return 'llm.timeout';
    case 'server_error':
    case 'connection':
      return 'llm.unreachable';
    case 'invalid_output':
      return 'llm.invalid';
    case 'max_tokens':
      return 'llm.cutOff';
    case 'refusal':
      return 'llm.refusal';
    case 'auth':
    case 'billing':
    case 'bad_request':
      return 'llm.config';
    case 'budget':
      return 'llm.budget';
    case 'interrupted':
      return 'llm.interrupted';
    default:
      return 'llm.unknown';
  }
}

/** The failure message in a language (English by default). */
export function studentMessage(kind: ErrorKind | null, t: Translate = i18n('en').t): string {
  return t(studentMessageKey(kind));
}
