// A blog API as real applications write it (the feed is declared before /posts/:id, as Express
// matches in order): nested routers with path prefixes, a Zod baseHeaders,
// commonResponses, strictStatusCodes on a router and on a route, application metadata (with its own
// auth convention, mapped through the auth option), deprecated and summary, coerced query values,
// defaults, branded ids and z.date() responses.
import { initContract } from '@ts-rest/core';
import { z } from 'zod';
import { DemoTokenAuthProvider } from '../../examples/accounts/providers.js';
import { corpusEntry } from './corpus-entry.js';

const c = initContract();

const PostId = z.string().uuid().brand<'PostId'>();
const Post = z.object({
  id: PostId,
  title: z.string().min(1),
  tags: z.array(z.string()).default([]),
  publishedAt: z.date(),
  status: z.enum(['draft', 'published']),
});
const NewPost = z.object({ title: z.string().min(1), tags: z.array(z.string()).default([]), publish: z.boolean().default(false) });
const Comment = z.object({ id: z.number().int(), author: z.string(), text: z.string() });
const NotFound = z.object({ message: z.string() });

const comments = c.router(
  {
    list: {
      method: 'GET',
      path: '/comments',
      pathParams: z.object({ postId: PostId }),
      query: z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
      responses: { 200: z.array(Comment) },
      summary: 'Comments on a post, oldest first',
    },
    add: {
      method: 'POST',
      path: '/comments',
      pathParams: z.object({ postId: PostId }),
      body: z.object({ author: z.string().default('anonymous'), text: z.string().min(1) }),
      responses: { 201: Comment },
      metadata: { auth: { roles: ['reader'] } },
    },
  },
  { pathPrefix: '/posts/:postId' },
);

export const blogContract = c.router(
  {
    posts: c.router(
      {
        list: {
          method: 'GET',
          path: '/posts',
          query: z.object({ page: z.coerce.number().int().min(1).default(1), tag: z.string().optional(), since: z.coerce.date().optional() }),
          responses: { 200: z.object({ items: z.array(Post), page: z.number().int() }) },
          summary: 'List posts, newest first',
          metadata: { auth: 'public', cacheSeconds: 60 },
        },
        feed: {
          method: 'GET',
          path: '/posts/feed.rss',
          responses: { 200: c.otherResponse({ contentType: 'application/rss+xml', body: z.string() }) },
          deprecated: true,
          summary: 'The RSS feed (use /posts with a tag instead)',
          metadata: { auth: 'public' },
        },
        get: {
          method: 'GET',
          path: '/posts/:id',
          pathParams: z.object({ id: PostId }),
          responses: { 200: Post },
          metadata: { auth: 'public' },
        },
        create: {
          method: 'POST',
          path: '/posts',
          body: NewPost,
          responses: { 201: Post, 409: z.object({ message: z.string(), existingId: PostId }) },
          strictStatusCodes: true,
          metadata: { auth: { roles: ['author'] } },
        },
        comments,
      },
      { pathPrefix: '/v1', commonResponses: { 404: NotFound }, strictStatusCodes: true },
    ),
  },
  { pathPrefix: '/blog', baseHeaders: z.object({ 'x-tenant': z.string().min(1) }), metadata: { team: 'content' } },
);

const POST_ID = '5b1f0c8e-2f4a-4c5e-9d2b-6a7e8f9a0b1c';
const published = new Date('2024-03-01T09:30:00.000Z');
const post = (id: string, title: string) => ({ id: id as z.infer<typeof PostId>, title, tags: ['news'], publishedAt: published, status: 'published' as const });

/** The application's own convention: `'public'`, or `{ roles }` granted as `role:<name>` permissions. */
const roles = (metadata: unknown) => {
  const auth = (metadata as { auth?: unknown } | undefined)?.auth;
  if (auth === 'public' || auth === undefined) return undefined;
  return { permissions: ((auth as { roles: string[] }).roles ?? []).map((role) => `role:${role}`) };
};

export const blog = corpusEntry({
  name: 'blog',
  contract: blogContract,
  adapter: { auth: roles },
  mount: { context: () => ({ auth: new DemoTokenAuthProvider({ 'author-token': { subject: 'ann', permissions: ['role:author', 'role:reader'] } }) }) },
  headers: { 'x-tenant': 'acme', authorization: 'Bearer author-token' },
  implementation: {
    posts: {
      list: async ({ query }) => ({ status: 200, body: { items: [post(POST_ID, `page ${query.page} since ${query.since?.toISOString() ?? '-'}`)], page: query.page } }),
      get: async ({ params }) => (params.id === POST_ID ? { status: 200, body: post(params.id, 'Hello') } : { status: 404, body: { message: `No post ${params.id}` } }),
      create: async ({ body }) => ({ status: 409, body: { message: `"${body.title}" exists`, existingId: POST_ID as z.infer<typeof PostId> } }),
      feed: async () => ({ status: 200, body: '<rss version="2.0"><channel><title>Blog</title></channel></rss>' }),
      comments: {
        list: async ({ query }) => ({ status: 200, body: Array.from({ length: Math.min(query.limit, 2) }, (_, i) => ({ id: i + 1, author: 'bo', text: `comment ${i + 1}` })) }),
        add: async ({ body }) => ({ status: 201, body: { id: 3, author: body.author, text: body.text } }),
      },
    },
  },
  requests: {
    'posts.list': {
      args: { query: { page: '2', since: '2024-01-01T00:00:00.000Z' } },
      status: 200,
      body: { items: [{ id: POST_ID, title: 'page 2 since 2024-01-01T00:00:00.000Z', tags: ['news'], publishedAt: '2024-03-01T09:30:00.000Z', status: 'published' }], page: 2 },
    },
    'posts.get': { args: { params: { id: '0b9e3a2c-7d1f-4e6a-8b5c-3f2e1d0c9b8a' } }, status: 404, body: { message: 'No post 0b9e3a2c-7d1f-4e6a-8b5c-3f2e1d0c9b8a' } },
    'posts.create': { args: { body: { title: 'Hello' } }, status: 409, body: { message: '"Hello" exists', existingId: POST_ID } },
    'posts.feed': { status: 200, contentType: 'application/rss+xml', body: '<rss version="2.0"><channel><title>Blog</title></channel></rss>' },
    'posts.comments.list': { args: { params: { postId: POST_ID }, query: { limit: 2 } }, status: 200, body: [{ id: 1, author: 'bo', text: 'comment 1' }, { id: 2, author: 'bo', text: 'comment 2' }] },
    'posts.comments.add': { args: { params: { postId: POST_ID }, body: { text: 'Nice' } }, status: 201, body: { id: 3, author: 'anonymous', text: 'Nice' } },
  },
});
