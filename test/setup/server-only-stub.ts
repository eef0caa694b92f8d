// Vitest runs outside React Server Components; the real "server-only" throws on import there.
export {};
