import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

/** A short, human message for a failed request; never a stack or a response body. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => e.message).join('; ') || 'The server refused the request.';
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 401) return 'Your session has expired.';
    return `The server answered ${error.statusCode}.`;
  }
  if (error instanceof TypeError) return 'Could not reach the server. Check your connection and try again.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
