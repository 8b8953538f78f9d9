import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The bundle lands on the app's classpath (target/classes/web), served by org.opora.web.WebAppController.
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: '../../target/classes/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/graphql': 'http://localhost:8080', '/login': 'http://localhost:8080', '/favicon.ico': 'http://localhost:8080' },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
