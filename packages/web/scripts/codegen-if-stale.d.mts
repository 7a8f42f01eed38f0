/** Runs GraphQL codegen when src/gql is missing or older than the schema or an operation; true when it ran. */
export function generateIfStale(): boolean;
