import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built by `npm run build` (and so by `npm install`) into dist/dashboard, which the server serves at /dashboard/.
export default defineConfig({
  root: import.meta.dirname,
  base: '/dashboard/',
  plugins: [react()],
  build: { outDir: '../../dist/dashboard', emptyOutDir: true },
});
