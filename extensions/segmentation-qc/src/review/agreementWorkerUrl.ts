/** The worker bundle lies beside the extension bundle (webpack.config.mjs builds both into one folder). */
export function agreementWorkerUrl(): URL {
  return new URL('segqc-agreement-worker.js', import.meta.url);
}
