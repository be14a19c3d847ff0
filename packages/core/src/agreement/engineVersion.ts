/** The engine's name and version, recorded with every result (equals packages/core/package.json; a test checks it). */
export const ENGINE = { name: 'segqc-core', version: '0.1.0' } as const;
