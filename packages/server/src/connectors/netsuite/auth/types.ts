/**
 * The one seam for NetSuite authentication: TBA (OAuth 1.0a) today, OAuth 2.0 client
 * credentials (M2M) later, behind the same call. Every attempt is authorised afresh: a TBA
 * nonce may never be reused, so retries must not resend an old header.
 */
export interface NetSuiteAuth {
  /** The Authorization header value for this request. */
  authorize(request: { method: string; url: URL }): Promise<string>;
}
