import { Redis } from "ioredis";

const usedMemoryMb = async (redis: Redis) => Number(/^used_memory:(\d+)/m.exec(await redis.info("memory"))?.[1] ?? 0) / 1e6;

/**
 * Samples the Redis server's used_memory from now on. The figure is the whole server's, so the baseline before the
 * run is kept to tell what the run added.
 */
export async function sampleRedisMemory(url: string, everyMs = 1000): Promise<{ stop(): Promise<{ baselineMb: number; peakMb: number }> }> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  const baselineMb = await usedMemoryMb(redis);
  let peakMb = baselineMb;
  const timer = setInterval(() => {
    usedMemoryMb(redis).then(
      (mb) => (peakMb = Math.max(peakMb, mb)),
      () => {},
    );
  }, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      peakMb = Math.max(peakMb, await usedMemoryMb(redis));
      redis.disconnect();
      return { baselineMb, peakMb };
    },
  };
}
