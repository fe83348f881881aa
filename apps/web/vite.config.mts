import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));
const api = process.env.XS_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    alias: {
      '@xieshang/contracts': lib('contracts'),
      '@xieshang/domain': lib('domain'),
      '@xieshang/editor-schema': lib('editor-schema'),
      '@xieshang/collab-provider': lib('collab-provider'),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 4200,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/socket.io': { target: api, ws: true, changeOrigin: false },
    },
  },
});
