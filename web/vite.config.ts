// Vite build of the lianxin web app. The output in web/dist is served by the `lianxin` binary, which sends
// CSP `script-src 'self'`: nothing here may produce an inline script.
import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import AutoImport from 'unplugin-auto-import/vite';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

const backend = process.env.LIANXIN_DEV_BACKEND ?? 'http://127.0.0.1:8080';

// Element Plus styles used on demand; the dev server must pre-bundle each one (a glob does not match).
const elementStyles = [
  'base', 'alert', 'aside', 'avatar', 'breadcrumb', 'breadcrumb-item', 'button', 'card', 'checkbox', 'checkbox-group', 'col',
  'config-provider', 'input-number',
  'container', 'date-picker', 'descriptions', 'descriptions-item', 'dialog', 'divider', 'drawer', 'dropdown',
  'dropdown-item', 'dropdown-menu', 'empty', 'form', 'form-item', 'header', 'icon', 'input', 'link', 'loading',
  'main', 'menu', 'menu-item', 'message', 'message-box', 'option', 'result', 'row', 'scrollbar', 'select',
  'skeleton', 'step', 'steps', 'sub-menu', 'switch', 'table', 'table-column', 'tag', 'timeline', 'timeline-item', 'tooltip',
  'tree', 'tree-select',
].map((c) => `element-plus/es/components/${c}/style/css`);

export default defineConfig({
  base: './',
  plugins: [
    vue(),
    // ElMessage / ElMessageBox used in scripts come with their styles; the .d.ts is generated, keep it committed.
    AutoImport({
      resolvers: [ElementPlusResolver()],
      dts: 'src/auto-imports.d.ts',
    }),
    Components({
      dirs: [],
      resolvers: [ElementPlusResolver()],
      dts: false, // component types come from element-plus/global (tsconfig)
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: false,
  },
  optimizeDeps: {
    include: ['vue', 'vue-router', 'pinia', 'vue-i18n', 'element-plus/es', ...elementStyles],
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 600,
  },
});
