// Bundles the Launchpad's browser side: UI5 Web Components, htmx and our own few handlers, with the
// 72 font served from our own origin (no request may leave it).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const fonts = fileURLToPath(
  new URL('./node_modules/@sap-theming/theming-base-content/content/Base/baseLib/baseTheme/fonts', import.meta.url));

export default defineConfig({
  base: '/assets/ui5/',
  publicDir: false,
  logLevel: 'warn',
  resolve: { alias: { '@fonts': fonts } },
  build: {
    outDir: '../../../target/classes/static/ui5',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: {
      input: 'src/launchpad.js',
      // htmx keeps an eval path for hx-on; the page's htmx-config and CSP switch it off.
      onwarn(warning, warn) {
        if (warning.code !== 'EVAL') {
          warn(warning);
        }
      },
      output: {
        entryFileNames: 'launchpad.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: (asset) =>
          (asset.names || []).some((name) => name.endsWith('.css')) ? 'launchpad.css' : 'assets/[name]-[hash][extname]',
      },
    },
  },
});
