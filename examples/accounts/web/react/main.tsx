import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AccountsPage } from './accounts-page.js';
import { queryClient } from './api.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AccountsPage />
    </QueryClientProvider>
  </StrictMode>,
);
