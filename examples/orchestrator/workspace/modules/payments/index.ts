// A broken package: its entry fails as it is imported, as a module missing its configuration does.
// The orchestrator reports it and serves the others.
throw new Error('PAYMENTS_API_KEY is not set');
export {};
