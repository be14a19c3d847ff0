// The extension and the mode as ES-module bundles that the prebuilt OHIF viewer import()s at run
// time. cornerstone comes from the host (window.cornerstone / window.cornerstoneTools), never from
// us: a second copy would split the segmentation state in two.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

/** One webpack build per output folder (each cleans its folder): entries maps bundle name → source. */
const bundle = (name, entries, outDir) => ({
  name,
  mode: process.env.NODE_ENV === 'development' ? 'development' : 'production',
  entry: Object.fromEntries(Object.entries(entries).map(([bundleName, source]) => [bundleName, resolve(root, source)])),
  target: 'web',
  experiments: { outputModule: true },
  output: {
    path: resolve(root, outDir),
    filename: '[name].js',
    library: { type: 'module' },
    module: true,
    chunkFormat: 'module',
    clean: true,
  },
  externalsType: 'window',
  externals: { '@cornerstonejs/core': 'cornerstone', '@cornerstonejs/tools': 'cornerstoneTools' },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.json'],
    alias: { '@segqc/core$': resolve(root, 'packages/core/src/index.ts') },
  },
  module: {
    // import.meta.url must stay the bundle's URL at run time (the mode finds the extension beside it).
    // `new URL('x.js', import.meta.url)` names a sibling bundle at run time, not a module to bundle.
    parser: { javascript: { importMeta: false, url: false } },
    rules: [
      { test: /\.[jt]sx?$/, type: 'javascript/auto', exclude: /node_modules/, loader: 'esbuild-loader', options: { target: 'es2020', jsx: 'automatic' } },
      { test: /\.css$/, type: 'asset/source' },
    ],
  },
  devtool: 'source-map',
  performance: { hints: false },
});

export default [
  bundle(
    'segqc-extension',
    {
      'segqc-extension': 'extensions/segmentation-qc/src/index.tsx',
      // A module Web Worker beside the extension: agreement is computed off the UI thread.
      'segqc-agreement-worker': 'extensions/segmentation-qc/src/review/agreementWorker.ts',
      // The programme pages' worker: reads every case of the PACS for the QC overview and the reliability dashboard.
      'segqc-programme-worker': 'extensions/segmentation-qc/src/programme/programmeWorker.ts',
    },
    'extensions/segmentation-qc/dist',
  ),
  bundle(
    'segqc-mode',
    {
      'segqc-mode': 'modes/segmentation-qc/src/index.ts',
      // The annotator's mode "Segmentation QC — annotate" (route segmentation-qc-annotate).
      'segqc-annotate-mode': 'modes/segmentation-qc/src/annotateMode.ts',
    },
    'modes/segmentation-qc/dist',
  ),
];
