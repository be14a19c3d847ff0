/** The programme worker's bundle lies beside the extension bundle (webpack.config.mjs builds both into one folder). */
export function programmeWorkerUrl(): URL {
  return new URL('segqc-programme-worker.js', import.meta.url);
}
