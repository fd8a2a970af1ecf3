import { QueryClient } from '@tanstack/react-query';
import { createClient } from '@webstir-io/module-contract/client';
import { createQueryUtils } from '@webstir-io/module-contract/tanstack-query';
import { accountsContract } from '../../contract.js';

// The page's own origin serves the API, so the base URL is empty.
export const api = createQueryUtils(createClient(accountsContract, { baseUrl: '', timeoutMs: 10_000 }));

// A failed call is shown, not retried: every error here is a typed answer from the server.
export const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
