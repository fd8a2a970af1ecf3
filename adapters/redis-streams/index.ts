export { createRedisStreamsBus, RedisStreamsBus } from './redis-streams-bus.js';
export type { RedisStreamsBusOptions } from './redis-streams-bus.js';
