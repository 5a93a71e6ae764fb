import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// One build for every host: the Electron main bundle also carries the CLI and the job worker,
// so `agent-triage` and the web host run exactly the engine code the desktop app runs.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod is bundled rather than loaded from node_modules: its ESM build is dozens of files, and
      // resolving and compiling them one by one was a fifth of `agent-triage`'s start-up.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          cli: resolve('electron/cli/main.ts'),
          'job-worker': resolve('electron/jobs/job-worker.ts'),
          'analyzer-worker': resolve('electron/discovery/scan/analyzer-worker.ts'),
          'usage-parse-worker': resolve('electron/usage/usage-parse-worker.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // Sandboxed preloads cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
