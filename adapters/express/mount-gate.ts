/** Holds requests until the module's `init` has settled; a failed `init` fails them. */
export interface MountGate {
  open: boolean;
  /** Resolves when `init` succeeded, rejects with its error otherwise. */
  wait: Promise<void>;
}

export function createMountGate(init: (() => void | Promise<void>) | undefined, onError: (error: unknown) => void): MountGate {
  const gate: MountGate = { open: !init, wait: Promise.resolve() };
  if (init) {
    gate.wait = Promise.resolve()
      .then(init)
      .then(() => {
        gate.open = true;
      });
    gate.wait.catch(onError);
  }
  return gate;
}
