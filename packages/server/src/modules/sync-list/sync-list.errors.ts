/** userError codes of the sync list besides the shared NOT_FOUND / INVALID. */
export const ALREADY_LISTED = 'ALREADY_LISTED';
/** No connection of the platform was named and the caller has none. */
export const NO_CONNECTION = 'NO_CONNECTION';
/** No connection of the platform was named and the caller has several. */
export const AMBIGUOUS_CONNECTION = 'AMBIGUOUS_CONNECTION';
/** A named connection is the caller's but of the other platform. */
export const WRONG_PLATFORM = 'WRONG_PLATFORM';
/** More items than one call may add. */
export const TOO_MANY = 'TOO_MANY';
