/** The extension bundle's file name: it lies beside the mode bundles wherever a deployment puts them. */
export const EXTENSION_BUNDLE = 'segqc-extension.js';

/**
 * The URL of the extension bundle beside a mode bundle. The host import()s every key of a mode's
 * `extensions` that is not one of its own modules, so the key is this URL.
 */
export function extensionBundleUrl(modeBundleUrl: string): string {
  return new URL(EXTENSION_BUNDLE, modeBundleUrl).href;
}
