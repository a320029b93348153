// The moments a platform may claim for a message, checked on the way in (sanitize-incoming-event.ts)
// and used by adapters that fall back to the bot's clock for an impossible one. Its own file, so an
// adapter reads it without importing the inbound check, which reads the platform registry.

/** What a platform may claim as the moment of a message: 2000-01-01 to 2100-01-01 (UTC), in ms. */
export const AT_RANGE = { min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) } as const;
