import type { ErrorKind } from './types.ts';

/** What a student reads when an evaluation fails: plain words, what to do next, no internals. */
export function studentMessage(kind: ErrorKind | null): string {
  switch (kind) {
    case 'rate_limited':
    case 'overloaded':
      return 'The AI service is busy right now and could not take your memo. Wait a minute, then press Try again.';
    case 'timeout':
      return 'The AI service took too long to answer. Press Try again; it usually works on a second attempt.';
    case 'server_error':
    case 'connection':
      return 'The AI service could not be reached or had an error. Press Try again in a moment.';
    case 'invalid_output':
    case 'max_tokens':
      return 'The AI produced feedback that did not fit the rubric, so we did not show it to you. Press Try again.';
    case 'refusal':
      return 'The AI declined to evaluate this memo. Check that it is a business memo, edit it if needed, and try again.';
    case 'auth':
    case 'bad_request':
      return 'The evaluation service is not set up correctly. Your instructor or administrator has been notified in the logs; try again later.';
    case 'interrupted':
      return 'The server restarted while evaluating your memo. Press Try again.';
    default:
      return 'Something went wrong while evaluating your memo. Press Try again.';
  }
}
