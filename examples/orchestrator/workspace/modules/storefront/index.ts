import { z } from 'zod';
import { createModule, defineView } from '@webstir-io/module-contract';

const Home = z.object({ headline: z.string() });
const NotePage = z.object({ id: z.string(), title: z.string() });

/** A frontend module: pages whose data its own host loads. The API host lists it and mounts nothing. */
export default createModule({
  manifest: { name: 'storefront', version: '0.4.0', kind: 'frontend', capabilities: ['views'] },
  views: [
    defineView({ name: 'home', path: '/', data: Home, renderMode: 'ssg', load: () => ({ headline: 'Welcome' }) }),
    defineView({
      name: 'note-page',
      path: '/notes/:id',
      params: z.object({ id: z.string() }),
      data: NotePage,
      load: ({ params }) => ({ id: params.id, title: `Note ${params.id}` }),
    }),
  ],
});
