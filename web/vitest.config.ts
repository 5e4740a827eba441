import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['tests/unit/**/*.spec.ts'],
      restoreMocks: true,
      // Components mounted in a test pull Element Plus styles through the auto-import plugins: let Vite
      // handle those .css files instead of Node.
      server: { deps: { inline: ['element-plus'] } },
    },
  }),
);
