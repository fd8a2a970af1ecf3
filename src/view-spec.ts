import type { z } from 'zod';
import type { SSRContext } from './contexts.js';
import type { AnySchema } from './route-spec.js';
import type { RenderMode } from './view-definition.js';

type ViewParams<T> = T extends AnySchema ? z.output<T> : Record<string, string>;

/** A view at run time: its description, schemas and loader. */
export interface ViewSpec<TParams extends AnySchema | undefined = AnySchema | undefined, TData extends AnySchema = AnySchema> {
  readonly type: 'view';
  name: string;
  path: string;
  params?: TParams;
  data: TData;
  renderMode?: RenderMode;
  staticPaths?: string[];
  load: (ctx: SSRContext<ViewParams<TParams>>) => Promise<z.input<TData>> | z.input<TData>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyViewSpec = ViewSpec<any, any>;

/**
 * Declares a view whose loader's `params` are typed from `params` and whose result must match `data`.
 * @example
 * defineView({ name: 'account', path: '/accounts/:id', params: z.object({ id: z.string() }), data: Account, load: ({ params }) => store.get(params.id) });
 */
export function defineView<TParams extends AnySchema | undefined = undefined, TData extends AnySchema = AnySchema>(
  spec: Omit<ViewSpec<TParams, TData>, 'type' | 'load'> & { load: ViewSpec<NoInfer<TParams>, NoInfer<TData>>['load'] },
): ViewSpec<TParams, TData> {
  return { ...spec, type: 'view' };
}

/** Structural check for a view spec made by `defineView`. */
export function isViewSpec(value: unknown): value is AnyViewSpec {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'view' &&
    typeof (value as { load?: unknown }).load === 'function'
  );
}
